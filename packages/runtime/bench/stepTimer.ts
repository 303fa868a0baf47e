/**
 * One training step of a model (Adam, BCE with logits, batch of fixed random data), timed over
 * repetitions, with an optional per-kernel profile. Used by trainBench.ts.
 */
import * as tf from '@tensorflow/tfjs';
import { makeLoss } from '../src/train/losses';

/** Timing of one backend. */
export interface StepTiming {
  readonly times: number[];
  readonly medianMs: number;
  /** Kernel name → total ms in a profiled step, median of a few (empty unless asked for). */
  readonly profile: [string, number][];
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Times `reps` steps after `warmup` steps. A step: forward in training mode, BCE with logits,
 * backward, Adam update, and reading the loss back (as PyTorch's `loss.item()`).
 */
export async function timeSteps(
  model: tf.LayersModel,
  batch: number,
  reps: number,
  warmup: number,
  profile: boolean,
): Promise<StepTiming> {
  const [, h, w, c] = model.inputs[0]!.shape as [null, number, number, number];
  const x = tf.randomUniform([batch, h, w, c], 0, 1, 'float32', 1);
  const y = tf.cast(
    tf.greater(tf.randomUniform([batch, h, w, 1], 0, 1, 'float32', 2), 0.5),
    'float32',
  );
  const loss = makeLoss('bce', { head: 'none', classes: 1 });
  const optimizer = tf.train.adam(1e-3);
  const step = () => {
    const value = optimizer.minimize(
      () => loss(y, model.apply(x, { training: true }) as tf.Tensor, null),
      true,
    );
    value!.dataSync();
    value!.dispose();
  };
  for (let i = 0; i < warmup; i++) step();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    step();
    times.push(performance.now() - t0);
  }
  const kernels = profile ? await medianProfile(step, PROFILED_STEPS) : [];
  tf.dispose([x, y]);
  optimizer.dispose();
  return { times, medianMs: median(times), profile: kernels };
}

/** Steps profiled with `--profile`; each kernel's figure is its median over them. */
const PROFILED_STEPS = 3;

/** Kernel name → median over `steps` profiled runs of `step` of its total ms, largest first. */
async function medianProfile(step: () => void, steps: number): Promise<[string, number][]> {
  const runs: Map<string, number>[] = [];
  for (let i = 0; i < steps; i++) runs.push(new Map(kernelTotals(await tf.profile(step))));
  const names = new Set(runs.flatMap((r) => [...r.keys()]));
  return [...names]
    .map((name): [string, number] => [name, median(runs.map((r) => r.get(name) ?? 0))])
    .sort((a, b) => b[1] - a[1]);
}

/** Kernel name → total ms in a tf.profile run, largest first. */
export function kernelTotals(info: Awaited<ReturnType<typeof tf.profile>>): [string, number][] {
  const kernels = new Map<string, number>();
  for (const k of info.kernels)
    kernels.set(k.name, (kernels.get(k.name) ?? 0) + Number(k.kernelTimeMs));
  return [...kernels].sort((a, b) => b[1] - a[1]);
}
