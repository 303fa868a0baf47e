/**
 * `pnpm fuzz [--seconds 60] [--seed N] [--hang-ms 10000] [--out DIR] [--target compiler|studio|all]`:
 * feeds generated hostile inputs to the importers and the compiler for a set time — the compiler's
 * `importAny` and the studio's file, paste and share-link import, taking turns with `all` — each case in a worker process that is
 * killed when it runs past the hang limit, and reports the cases tried, the failures (throws),
 * the hangs and the slowest input. Failing, hanging and slowest inputs are written to `--out`
 * (default: a folder in the system's temporary directory). Exit 1 on any failure or hang.
 * Not part of the test run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { FuzzAnswer } from './serve';
import { generate, random, seeds } from './inputs';

const { values } = parseArgs({
  // `pnpm fuzz -- --seconds 60` passes the `--` through
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    seconds: { type: 'string', default: '60' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    'hang-ms': { type: 'string', default: '10000' },
    out: { type: 'string', default: join(tmpdir(), 'unet-studio-fuzz') },
    target: { type: 'string', default: 'all' },
  },
});
const seconds = Number(values.seconds);
const seed = Number(values.seed);
const hangMs = Number(values['hang-ms']);
const out = values.out;
mkdirSync(out, { recursive: true });

const here = import.meta.dirname;
const seedTexts = seeds(join(here, '..', 'fixtures'));
const r = random(seed);

interface CaseRecord {
  readonly target: string;
  readonly mutator: string;
  readonly bytes: number;
  readonly ms: number;
  readonly file: string;
}

let tried = 0;
const failures: (CaseRecord & { error: string })[] = [];
const hangs: CaseRecord[] = [];
const outcomes = new Map<string, number>();
let slowest: CaseRecord | null = null;
let slowestText = '';

const save = (name: string, text: string): string => {
  const file = join(out, name);
  writeFileSync(file, text);
  return file;
};

/** tsx's loader, so the worker process runs TypeScript like this script. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
/** The worker of each target: the studio's lives with the studio (the compiler never imports it). */
const WORKERS: Readonly<Record<string, string>> = {
  compiler: join(here, 'fuzzWorker.ts'),
  studio: join(here, '..', '..', '..', 'apps', 'studio', 'fuzz', 'importWorker.ts'),
};
const targets = values.target === 'all' ? Object.keys(WORKERS) : [values.target];
for (const t of targets) if (!(t in WORKERS)) throw new Error(`unknown --target ${t}`);

/** A worker process (a thread cannot load TypeScript through tsx on every Node version). */
function newWorker(target: string): ChildProcess {
  const file = WORKERS[target] ?? '';
  return fork(file, [], { execArgv: ['--import', TSX], serialization: 'advanced' });
}

/** Runs one case; resolves with the answer, or null when the worker had to be killed. */
function runCase(worker: ChildProcess, id: number, text: string): Promise<FuzzAnswer | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.removeAllListeners('message');
      resolve(null);
    }, hangMs);
    worker.once('message', (answer: FuzzAnswer) => {
      clearTimeout(timer);
      resolve(answer);
    });
    worker.send({ id, text });
  });
}

async function stop(worker: ChildProcess): Promise<void> {
  if (worker.exitCode !== null || worker.signalCode !== null) return;
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.kill('SIGKILL');
  await exited;
}

/** A worker that has loaded its modules (a first, untimed case), so no case pays for its start. */
async function readyWorker(target: string): Promise<ChildProcess> {
  const worker = newWorker(target);
  await new Promise((resolve) => {
    worker.once('message', resolve);
    worker.send({ id: 0, text: '' });
  });
  return worker;
}

const workers = new Map<string, ChildProcess>();
for (const t of targets) workers.set(t, await readyWorker(t));
const started = performance.now();
while (performance.now() - started < seconds * 1000) {
  const { text, mutator } = generate(seedTexts, r);
  const id = ++tried;
  const target = targets[id % targets.length] ?? 'compiler';
  const worker = workers.get(target) ?? (await readyWorker(target));
  const answer = await runCase(worker, id, text);
  if (answer === null) {
    await stop(worker);
    workers.set(target, await readyWorker(target));
    const file = save(`hang-${id}.txt`, text);
    hangs.push({ target, mutator, bytes: text.length, ms: hangMs, file });
    continue;
  }
  const outcome = `${target} ${answer.outcome}`;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (answer.error !== null) {
    const file = save(`failure-${id}.txt`, text);
    failures.push({
      target,
      mutator,
      bytes: text.length,
      ms: answer.ms,
      file,
      error: answer.error,
    });
  }
  if (slowest === null || answer.ms > slowest.ms) {
    slowest = { target, mutator, bytes: text.length, ms: answer.ms, file: '' };
    slowestText = text;
  }
}
for (const worker of workers.values()) await stop(worker);

const elapsed = (performance.now() - started) / 1000;
const slowestFile = slowest ? save('slowest.txt', slowestText) : '';
const lines = [
  `unet-studio fuzz: ${targets.join(' + ')}, ${seconds} s, seed ${seed}, hang limit ${hangMs} ms, ${cpus()[0]?.model ?? 'unknown CPU'}`,
  `cases tried   ${tried} (${(tried / elapsed).toFixed(1)}/s)`,
  `outcomes      ${[...outcomes].map(([k, v]) => `${k} ${v}`).join(', ')}`,
  `failures      ${failures.length}`,
  `hangs         ${hangs.length}`,
  slowest
    ? `slowest       ${slowest.ms.toFixed(0)} ms: ${slowest.target}, ${slowest.mutator}, ${slowest.bytes.toLocaleString('en-US')} characters (${slowestFile})`
    : 'slowest       none',
];
for (const f of failures.slice(0, 5))
  lines.push(
    `failure (${f.mutator}, ${f.bytes} chars, ${f.file}): ${f.error.split('\n').slice(0, 3).join(' | ')}`,
  );
for (const h of hangs.slice(0, 5))
  lines.push(`hang (${h.target}, ${h.mutator}, ${h.bytes} chars, ${h.file})`);
console.log(lines.join('\n'));
process.exitCode = failures.length > 0 || hangs.length > 0 ? 1 : 0;
