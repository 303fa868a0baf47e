/**
 * Browser training benchmark: trains the small template (features [16, 32, 64, 128], batches of
 * 8 × 64×64×3) through the app's Train button in headless Chromium, one fresh browser per run,
 * and reports the median step time per backend. The first step (kernel compilation, warm-up)
 * and the epoch's validation are left out: steps are timed between consecutive moves of the
 * progress bar, observed inside the page.
 *
 * wasm runs twice: on the app as served (cross-origin isolated: the threaded build, one thread
 * per core) and on a copy served without the COOP/COEP headers, where the app falls back to one
 * thread. With `--torch`, PyTorch's step of the same model (packages/runtime/bench/torch_step.py,
 * 2 threads, with the newest PyTorch found, as `pnpm bench:train` uses) is timed after each round
 * and every backend's ratio to it is printed, with the PyTorch version.
 *
 * Run with `pnpm bench:browser` (builds first). Options: `--backends=webgl,wasm,cpu` (default;
 * `webgpu` runs in a Chromium with `--enable-unsafe-webgpu`, on SwiftShader without a GPU), `--batches=N` steps per run (default 6; cpu uses at most 3), `--rounds=N` (default 1;
 * the runs of one round follow each other, so that they share the machine's load), `--torch`,
 * `--dist=DIR` to time another build (e.g. one of an earlier commit) instead of `dist/`.
 */
import { cpus, loadavg } from 'node:os';
import { stats } from './measure';
import { BATCH, servePrivateCopy, timeRun } from './browserRun';
import { torchStep } from './torchStep';

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
}

function count(name: string, fallback: number): number {
  const value = Number(arg(name) ?? fallback);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`--${name} must be a whole number ≥ 1, got "${arg(name)}"`);
  return value;
}

/** One thing to time: a backend on one of the two servers. */
interface Variant {
  readonly label: string;
  readonly backend: string;
  readonly isolated: boolean;
}

function variants(backends: readonly string[]): Variant[] {
  return backends.flatMap((backend) =>
    backend === 'wasm'
      ? [
          { label: 'wasm', backend, isolated: true },
          { label: 'wasm, no COOP/COEP', backend, isolated: false },
        ]
      : [{ label: backend, backend, isolated: true }],
  );
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

async function main(): Promise<void> {
  const backends = (arg('backends') ?? 'webgl,wasm,cpu').split(',').filter(Boolean);
  const batches = count('batches', 6);
  const rounds = count('rounds', 1);
  const withTorch = process.argv.includes('--torch');
  const list = variants(backends);
  // Median step of each run, per variant (and PyTorch's median of each of its runs).
  const runs = new Map<string, number[]>();
  const summaries = new Map<string, string>();
  let torchVersion = '';
  const { isolated, plain, close } = await servePrivateCopy(arg('dist'));
  console.log(
    `${arg('dist') ?? 'dist'}: small template, batch ${BATCH} × 64×64×3, headless Chromium; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}; load average ${load()} at the start`,
  );
  const note = (round: number, label: string, ms: number): void => {
    runs.set(label, [...(runs.get(label) ?? []), ms]);
    console.log(`  round ${round}: ${label} ${(ms / 1000).toFixed(3)} s/step (load ${load()})`);
  };
  try {
    for (let round = 1; round <= rounds; round++) {
      for (const v of list) {
        const n = v.backend === 'cpu' ? Math.min(3, batches) : batches;
        const r = await timeRun(v.isolated ? isolated : plain, v.backend, n);
        summaries.set(v.label, r.summary);
        note(round, v.label, stats(r.stepsMs).median);
      }
      if (withTorch) {
        const t = torchStep({ reps: 10, threads: 2, batch: BATCH, size: 64 });
        if (!t.ok) throw new Error(`PyTorch step not measured: ${t.error}`);
        torchVersion = `PyTorch ${t.torch} (${t.python})`;
        note(round, 'pytorch', t.ms);
      }
    }
  } finally {
    await close();
  }
  report(list, runs, summaries);
  if (torchVersion !== '') console.log(`pytorch: ${torchVersion}`);
  console.log(`load average ${load()} at the end`);
}

/** Median and best (lowest) run per variant, with the ratios to PyTorch's. */
function report(
  list: readonly Variant[],
  runs: ReadonlyMap<string, readonly number[]>,
  summaries: ReadonlyMap<string, string>,
): void {
  const figures = (label: string) => {
    const ms = runs.get(label) ?? [];
    return { median: stats(ms).median, best: Math.min(...ms), n: ms.length };
  };
  const torch = runs.has('pytorch') ? figures('pytorch') : null;
  const s = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
  const line = (label: string): string => {
    const f = figures(label);
    const ratio = (a: number, b: number | undefined) => (b ? ` (${(a / b).toFixed(2)}×)` : '');
    return `${label.padEnd(20)} median ${s(f.median)}${ratio(f.median, torch?.median)}  best ${s(f.best)}${ratio(f.best, torch?.best)}  ${((BATCH * 1000) / f.median).toFixed(1)} images/s  (${f.n} runs)`;
  };
  console.log(`per step; (×) = ratio to PyTorch's step measured in the same rounds`);
  for (const v of list) {
    console.log(line(v.label));
    console.log(`${''.padEnd(20)} ran on: ${summaries.get(v.label) ?? '?'}`);
  }
  if (torch !== null) console.log(`${line('pytorch')}, 2 threads`);
}

await main();
