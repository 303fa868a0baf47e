/**
 * `pnpm bench:conv`: every convolution of the small template's training step (batch 8 at
 * 64×64), timed alone on wasm with U-Net Studio's kernels — forward, input gradient and filter
 * gradient — beside PyTorch's (bench/torch_conv.py, the newest PyTorch found, `--threads`
 * threads, 1 by default). Times are process CPU milliseconds, the least of `--reps` runs after
 * a warm-up, so that other processes on a shared machine inflate them little; wasm runs one
 * thread. It prints one row per convolution, the totals, and each column's ratio to PyTorch;
 * then the Adam update of the template's weights with tfjs's optimizer and with the fused one.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src/backend/initBackend';
import { runWasmKernel } from '../src/kernels/wasmHeap';
import { adamUpdateTimes } from './adamUpdateTime';
import { loadAverage } from './benchReport';
import { findTorchPythons } from './torchPython';

// `pnpm bench:conv -- --reps 5` forwards a literal `--`, which parseArgs would take as the end.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { reps: { type: 'string', default: '9' }, threads: { type: 'string', default: '1' } },
});
const reps = Math.max(1, Number(values.reps));

/** [H, in, out, kernel, stride, transposed]: the small template's convolutions, in step order. */
type Shape = [number, number, number, number, number, boolean];
const SHAPES: Shape[] = [
  [64, 3, 16, 3, 1, false],
  [64, 16, 16, 3, 1, false],
  [32, 16, 32, 3, 1, false],
  [32, 32, 32, 3, 1, false],
  [16, 32, 64, 3, 1, false],
  [16, 64, 64, 3, 1, false],
  [8, 64, 128, 3, 1, false],
  [8, 128, 128, 3, 1, false],
  [8, 128, 64, 2, 2, true],
  [16, 128, 64, 3, 1, false],
  [16, 64, 64, 3, 1, false],
  [16, 64, 32, 2, 2, true],
  [32, 64, 32, 3, 1, false],
  [32, 32, 32, 3, 1, false],
  [32, 32, 16, 2, 2, true],
  [64, 32, 16, 3, 1, false],
  [64, 16, 16, 3, 1, false],
  [64, 16, 1, 1, 1, false],
];

function cpuMs(run: () => tf.TensorInfo): number {
  const backend = tf.backend();
  backend.disposeData(run().dataId);
  let best = Infinity;
  for (let i = 0; i < reps; i++) {
    const start = process.cpuUsage();
    const out = run();
    const used = process.cpuUsage(start);
    backend.disposeData(out.dataId);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

/** Forward, input-gradient and filter-gradient ms of one convolution on wasm. */
function wasmRow([h, cin, cout, k, stride, transposed]: Shape): number[] {
  const backend = tf.backend() as never;
  const batch = 8;
  const pad = stride > 1 ? 'valid' : 'same';
  const x = tf.randomNormal([batch, h, h, cin]);
  // A transposed conv's filter is [k, k, out, in]; its output is `stride` times larger.
  const w = tf.randomNormal(transposed ? [k, k, cout, cin] : [k, k, cin, cout]);
  const outH = transposed ? h * stride : Math.ceil(h / stride);
  const gy = tf.randomNormal([batch, outH, outH, cout]);
  const conv = (input: tf.Tensor, s: number) => () =>
    runWasmKernel('Conv2D', { x: input, filter: w }, backend, {
      strides: s,
      pad,
      dataFormat: 'NHWC',
      dilations: 1,
    });
  const inputGrad = (dy: tf.Tensor, shape: number[]) => () =>
    runWasmKernel('Conv2DBackpropInput', { dy, filter: w }, backend, {
      strides: stride,
      pad,
      dataFormat: 'NHWC',
      inputShape: shape,
    });
  const filterGrad = (input: tf.Tensor, dy: tf.Tensor) => () =>
    runWasmKernel('Conv2DBackpropFilter', { x: input, dy }, backend, {
      strides: stride,
      pad,
      dataFormat: 'NHWC',
      filterShape: w.shape,
    });
  const row = transposed
    ? [
        cpuMs(inputGrad(x, [batch, outH, outH, cout])),
        cpuMs(conv(gy, stride)),
        cpuMs(filterGrad(gy, x)),
      ]
    : [cpuMs(conv(x, stride)), cpuMs(inputGrad(gy, x.shape)), cpuMs(filterGrad(x, gy))];
  tf.dispose([x, w, gy]);
  return row;
}

function torchRows(): { torch: string; rows: number[][] } | string {
  const python = findTorchPythons().found[0];
  if (python === undefined) return 'no interpreter imports torch';
  const script = fileURLToPath(new URL('./torch_conv.py', import.meta.url));
  const out = execFileSync(
    python.python,
    [script, '--reps', String(reps), '--threads', String(values.threads)],
    { input: JSON.stringify(SHAPES), encoding: 'utf8' },
  );
  const parsed = JSON.parse(out.trim().split('\n').at(-1)!) as { torch: string; rows: number[][] };
  return parsed;
}

await initBackend('wasm');
const loadStart = loadAverage();
const ours = SHAPES.map(wasmRow);
const theirs = torchRows();
const fmt = (v: number) => v.toFixed(2).padStart(7);
const name = ([h, cin, cout, k, s, t]: Shape) =>
  `${t ? 'transposed ' : ''}${k}×${k}${s > 1 ? ` s${s}` : ''} ${cin}→${cout} @${h}`.padEnd(30);
console.log(
  `${'convolution'.padEnd(30)}   wasm: fwd      dx      dw | pytorch: fwd      dx      dw`,
);
const totals = [0, 0, 0, 0, 0, 0];
SHAPES.forEach((shape, i) => {
  const t = typeof theirs === 'string' ? [NaN, NaN, NaN] : theirs.rows[i]!;
  const row = [...ours[i]!, ...t];
  row.forEach((v, j) => (totals[j]! += v));
  console.log(
    `${name(shape)} ${row.slice(0, 3).map(fmt).join(' ')} |  ${row.slice(3).map(fmt).join(' ')}`,
  );
});
console.log(
  `${'total'.padEnd(30)} ${totals.slice(0, 3).map(fmt).join(' ')} |  ${totals.slice(3).map(fmt).join(' ')}`,
);
if (typeof theirs === 'string') console.log(`PyTorch not measured: ${theirs}`);
else {
  const ratio = totals.slice(0, 3).map((v, j) => (v / totals[j + 3]!).toFixed(2));
  console.log(
    `wasm ÷ PyTorch ${theirs.torch} (${values.threads} thread): fwd ${ratio[0]}×, dx ${ratio[1]}×, dw ${ratio[2]}×`,
  );
}
const adam = await adamUpdateTimes(reps);
console.log(
  `Adam update of all weights: tfjs ${adam.tfjs.ms.toFixed(2)} ms (${adam.tfjs.kernels} kernel calls), fused ${adam.fused.ms.toFixed(2)} ms (${adam.fused.kernels} kernel calls)`,
);
console.log(
  `process CPU ms, least of ${reps} runs; load average ${loadStart} at the start, ${loadAverage()} at the end`,
);
