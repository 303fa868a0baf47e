/**
 * `pnpm bench:train`: one training step of the `small` template (features [16, 32, 64, 128],
 * 3→1, BN, ReLU, transposed-conv decoder; batch 8 of 64×64×3; Adam, BCE with logits) on each
 * Node backend, and the same step in PyTorch when /usr/bin/python3 (or UNET_STUDIO_PYTHON) can
 * import torch. Prints median ms and images/s; `--json` ends with one JSON line; `--profile`
 * adds a per-kernel profile (each kernel's median over three profiled steps).
 *
 * With wasm selected it also times the data-parallel step of parallelStep.ts (`wasm×N`).
 *
 * Options: --reps N (10; cpu uses min(N, 3)), --backends wasm,cpu, --threads N (PyTorch, 2),
 * --workers N (data-parallel wasm replicas, 2; 1 skips that step), --tfjs-kernels A,B (time
 * the single-backend steps with tfjs's own kernels A, B back in place of U-Net Studio's; the
 * names of registerTrainingKernels, FusedBatchNorm for tfjs's batch-norm gradient),
 * --skip-torch. A bare `--` is ignored.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { compile, findTemplate } from '@unet-studio/compiler';
import { initBackend } from '../src/backend/initBackend';
import { buildModel } from '../src/build/buildModel';
import { withTfjsKernels } from '../src/kernels/registerTrainingKernels';
import { timeParallelSteps } from './parallelStep';
import { timeSteps, type StepTiming } from './stepTimer';

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
// Kernel names (and FusedBatchNorm for its gradient) to run with tfjs's own implementation.
const tfjsKernels = values['tfjs-kernels'].split(',').filter((k) => k !== '');
const reps = Math.max(1, Number(values.reps));
const backends = values.backends
  .split(',')
  .filter((b): b is 'wasm' | 'cpu' => b === 'wasm' || b === 'cpu');
const workers = Number(values.workers);
if (!Number.isInteger(workers) || workers < 1 || workers > BATCH)
  throw new Error(
    `--workers must be a whole number from 1 to the batch of ${BATCH}, got "${values.workers}"`,
  );
tf.env().set('PROD', true);

function pytorch(): { ms: number; params: number; torch: string } | { error: string } {
  const python = process.env.UNET_STUDIO_PYTHON ?? '/usr/bin/python3';
  const script = join(dirname(fileURLToPath(import.meta.url)), 'torch_step.py');
  const run = spawnSync(
    python,
    [script, '--reps', String(reps), '--threads', values.threads, '--batch', String(BATCH)],
    { encoding: 'utf8' },
  );
  if (run.status !== 0)
    return {
      error: (run.stderr || run.error?.message || 'failed').trim().split('\n').at(-1) ?? 'failed',
    };
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
    ms: number;
    params: number;
    torch: string;
  };
}

const design = findTemplate('small')!.build();
const results: Record<string, StepTiming> = {};
let params = 0;
for (const name of backends) {
  const report = await initBackend(name);
  if (report.backend !== name) throw new Error(`backend ${name} did not start: ${report.summary}`);
  const model = buildModel(compile(design), { seed: 1 });
  params = model.countParams();
  const n = name === 'cpu' ? Math.min(reps, 3) : reps;
  const time = () => timeSteps(model, BATCH, n, name === 'cpu' ? 1 : 2, values.profile === true);
  results[name] = await (tfjsKernels.length > 0
    ? withTfjsKernels(name, time, tfjsKernels)
    : time());
  model.dispose();
  console.log(
    `${name.padEnd(8)} median ${results[name].medianMs.toFixed(0)} ms/step  ${((BATCH * 1000) / results[name].medianMs).toFixed(1)} images/s  (${n} steps)`,
  );
}
if (backends.includes('wasm') && workers > 1) {
  const name = `wasm×${workers}`;
  results[name] = await timeParallelSteps(workers, BATCH, reps, 2, values.profile === true);
  console.log(
    `${name.padEnd(8)} median ${results[name].medianMs.toFixed(0)} ms/step  ${((BATCH * 1000) / results[name].medianMs).toFixed(1)} images/s  (${reps} steps, data-parallel)`,
  );
}
const torch = values['skip-torch'] ? { error: 'skipped (--skip-torch)' } : pytorch();
const torchMs = 'ms' in torch ? torch.ms : null;
console.log(
  'ms' in torch
    ? `pytorch  median ${torch.ms.toFixed(0)} ms/step  ${((BATCH * 1000) / torch.ms).toFixed(1)} images/s  (torch ${torch.torch}, ${values.threads} threads, ${torch.params} params)`
    : `pytorch  not measured: ${torch.error}`,
);
console.log(
  `model: small template, ${params} parameters, batch ${BATCH} × 64×64×3; ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, tfjs ${tf.version.tfjs}`,
);
if (values.profile) {
  for (const [name, r] of Object.entries(results)) {
    console.log(`\nprofile of a ${name} step (kernel: ms, median of the profiled steps)`);
    for (const [k, ms] of r.profile.slice(0, 15)) console.log(`  ${k.padEnd(28)} ${ms.toFixed(1)}`);
  }
}
const json = {
  model: 'small',
  pytorchMs: torchMs,
  backends: Object.fromEntries(
    Object.entries(results).map(([name, r]) => [
      name,
      {
        ms: r.medianMs,
        imagesPerSecond: (BATCH * 1000) / r.medianMs,
        ratio: torchMs === null ? null : r.medianMs / torchMs,
      },
    ]),
  ),
};
if (values.json) console.log(JSON.stringify(json));
