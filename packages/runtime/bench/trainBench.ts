/**
 * `pnpm bench:train`: one training step of the `small` template (features [16, 32, 64, 128],
 * 3→1, BN, ReLU, transposed-conv decoder; batch 8 of 64×64×3; Adam, BCE with logits) on each
 * Node backend, against the same step in the newest PyTorch found (torchPython.ts: the
 * repository's `.torch-venv` from `scripts/torch-venv.sh`, else Debian's; both when both import
 * torch). PyTorch runs in its own process (torchServer.ts) and its steps are interleaved with
 * tfjs's, step by step, so that both see the same load. Prints min/median/max per backend and the
 * load average; `--json` ends with one JSON line (benchReport.ts); `--profile` adds a per-kernel
 * profile (each kernel's median over three profiled steps, and the kernel calls per step).
 *
 * With wasm selected it also times the data-parallel step of parallelStep.ts (`wasm×N`).
 *
 * Options: --reps N (10; cpu and webgpu use min(N, 3)), --backends wasm,cpu (webgpu: through
 * Dawn, nodeWebgpu.ts; it needs a Vulkan driver), --threads N (PyTorch, 2),
 * --workers N (data-parallel wasm replicas, 2; 1 skips that step), --tfjs-kernels A,B (run the
 * main thread's steps with tfjs's own kernels A, B back in place of U-Net Studio's; the names of
 * registerTrainingKernels, FusedBatchNorm for tfjs's batch-norm gradient), --skip-torch.
 * A bare `--` is ignored.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { compile, findTemplate } from '@unet-studio/compiler';
import { initBackend } from '../src/backend/initBackend';
import { buildModel } from '../src/build/buildModel';
import { withTfjsKernels } from '../src/kernels/registerTrainingKernels';
import { jsonLine, loadAverage, tableLines, figures, type Series } from './benchReport';
import { registerNodeWebgpu } from './nodeWebgpu';
import { parallelStepper } from './parallelStep';
import { modelStepper, type KernelProfile, type Stepper } from './stepTimer';
import { findTorchPythons } from './torchPython';
import { startTorchServer, type TorchServer } from './torchServer';

const BATCH = 8;
// `pnpm bench:train -- --json` forwards a literal `--`, which parseArgs would take as the end of
// the options; a bare `--` carries no meaning here, so it is dropped.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    reps: { type: 'string', default: '10' },
    backends: { type: 'string', default: 'wasm,cpu' },
    threads: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    json: { type: 'boolean' },
    profile: { type: 'boolean' },
    'tfjs-kernels': { type: 'string', default: '' },
    'skip-torch': { type: 'boolean' },
  },
});
const tfjsKernels = values['tfjs-kernels'].split(',').filter((k) => k !== '');
const reps = Math.max(1, Number(values.reps));
const backends = values.backends
  .split(',')
  .filter((b): b is 'wasm' | 'cpu' | 'webgpu' => b === 'wasm' || b === 'cpu' || b === 'webgpu');
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 1 || workers > BATCH)
  throw new Error(
    `--workers must be a whole number from 1 to the batch of ${BATCH}, got "${values.workers}"`,
  );
tf.env().set('PROD', true);
const loadAtStart = loadAverage();

/** The PyTorch processes, newest first, and the lines saying which and why others are not. */
async function startTorches(): Promise<TorchServer[]> {
  if (values['skip-torch']) return (console.log('PyTorch: skipped (--skip-torch)'), []);
  const { found, passedOver } = findTorchPythons();
  const servers: TorchServer[] = [];
  for (const python of found) {
    try {
      servers.push(
        await startTorchServer(python, { threads: Number(values.threads), batch: BATCH }),
      );
    } catch (error) {
      console.log(`PyTorch ${python.torch} (${python.python}) did not start: ${String(error)}`);
    }
  }
  for (const p of passedOver) console.log(`PyTorch not used: ${p.reason}`);
  const [newest, ...others] = servers;
  console.log(
    newest === undefined
      ? 'PyTorch: none could be started; no ratios'
      : `PyTorch ${newest.torch} (${newest.python}) is the reference${others.map((o) => `; also ${o.torch} (${o.python})`).join('')}`,
  );
  return servers;
}

const torches = await startTorches();
const times = new Map<string, number[]>();
const profiles = new Map<string, KernelProfile>();
const note = (name: string, ms: number) => times.set(name, [...(times.get(name) ?? []), ms]);
const torchName = (t: TorchServer) => `pytorch ${t.torch}`;

/** Warm-up, then `n` rounds: each stepper's step, then each PyTorch's, in turn. */
async function interleave(steppers: readonly Stepper[], n: number, warmup: number): Promise<void> {
  for (const s of steppers) for (let i = 0; i < warmup; i++) await s.step();
  for (let i = 0; i < n; i++) {
    for (const s of steppers) note(s.name, await s.step());
    for (const t of torches) note(torchName(t), await t.step());
  }
  if (!values.profile) return;
  for (const s of steppers) profiles.set(s.name, await s.profile(3));
  const reference = torches[0];
  if (reference !== undefined && !profiles.has(torchName(reference)))
    profiles.set(torchName(reference), await reference.profile());
}

let params = 0;
try {
  for (const name of backends) {
    if (name === 'webgpu') {
      const gpu = await registerNodeWebgpu();
      console.log(
        'reason' in gpu ? `webgpu not measured: ${gpu.reason}` : `webgpu: ${gpu.adapter}`,
      );
      if ('reason' in gpu) continue;
    }
    const report = await initBackend(name);
    if (report.backend !== name)
      throw new Error(`backend ${name} did not start: ${report.summary}`);
    const model = buildModel(compile(findTemplate('small')!.build()), { seed: 1 });
    params = model.countParams();
    const steppers = [modelStepper(name, model, BATCH)];
    if (name === 'wasm' && workers > 1) steppers.push(await parallelStepper(workers, BATCH));
    const n = name === 'wasm' ? reps : Math.min(reps, 3);
    const run = () => interleave(steppers, n, name === 'wasm' ? 2 : 1);
    await (tfjsKernels.length > 0 ? withTfjsKernels(name, run, tfjsKernels) : run());
    for (const s of steppers) await s.dispose();
  }
} finally {
  for (const t of torches) t.close();
}

const series = (name: string): Series => ({ name, times: times.get(name) ?? [] });
const tfjsSeries = [...times.keys()].filter((k) => !k.startsWith('pytorch')).map(series);
const torchSeries = torches.map((t) => ({
  ...series(torchName(t)),
  torch: t.torch,
  python: t.python,
  threads: t.threads,
}));
const reference = torchSeries[0];
const load = { start: loadAtStart, end: loadAverage() };
for (const line of tableLines(
  [...tfjsSeries, ...torchSeries],
  BATCH,
  reference ? figures(reference.times).ms : null,
))
  console.log(line);
console.log(
  `model: small template, ${params} parameters (PyTorch: ${torches[0]?.params ?? '?'} trainable), batch ${BATCH} × 64×64×3; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, tfjs ${tf.version.tfjs}; PyTorch on ${values.threads} threads`,
);
console.log(`load average ${load.start} at the start, ${load.end} at the end`);
for (const [name, p] of profiles) {
  const how = name.startsWith('pytorch')
    ? 'op calls; op: self CPU ms, mean of 3 steps under torch.profiler'
    : 'kernel calls; kernel: ms, median of 3 profiled steps';
  console.log(`\nprofile of a ${name} step (${p.calls} ${how})`);
  for (const [k, ms] of p.kernels.slice(0, 20)) console.log(`  ${k.padEnd(32)} ${ms.toFixed(1)}`);
}
if (values.json) console.log(jsonLine(tfjsSeries, torchSeries, BATCH, load));
