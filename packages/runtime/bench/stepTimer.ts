/**
 * The steps `pnpm bench:train` times: a {@link Stepper} runs one training step and says how long
 * it took, so that the benchmark can interleave backends (and PyTorch) step by step. Here: one
 * model on the active tfjs backend (Adam, BCE with logits, a fixed random batch), with an
 * optional per-kernel profile; parallelStep.ts makes the data-parallel one.
 */
import * as tf from '@tensorflow/tfjs';
import { makeLoss } from '../src/train/losses';
import { makeOptimizer } from '../src/train/optimizers';

/** Something that runs one training step at a time. */
export interface Stepper {
  readonly name: string;
  /** Runs one step; resolves with its time in ms. */
  step(): Promise<number>;
  /** Each kernel's median over `steps` profiled steps of its total ms, and kernels per step. */
  profile(steps: number): Promise<KernelProfile>;
  dispose(): Promise<void> | void;
}

type ProfileInfo = Awaited<ReturnType<typeof tf.profile>>;

/** A per-kernel profile of a step. */
export interface KernelProfile {
  /** Kernel name → ms per step (median over the profiled steps), largest first. */
  readonly kernels: [string, number][];
  /** Kernel calls in one step (median). */
  readonly calls: number;
}

/** The median of some numbers. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * A stepper for `model` on the active backend. A step: forward in training mode, BCE with
 * logits, backward, Adam update, and reading the loss back (as PyTorch's `loss.item()`).
 */
export function modelStepper(name: string, model: tf.LayersModel, batch: number): Stepper {
  const [, h, w, c] = model.inputs[0]!.shape as [null, number, number, number];
  const x = tf.randomUniform([batch, h, w, c], 0, 1, 'float32', 1);
  const y = tf.tidy(() =>
    tf.cast(tf.greater(tf.randomUniform([batch, h, w, 1], 0, 1, 'float32', 2), 0.5), 'float32'),
  );
  const loss = makeLoss('bce', { head: 'none', classes: 1 });
  // The optimizer training uses (its Adam runs one update kernel per variable on cpu and wasm).
  const optimizer = makeOptimizer('adam', 1e-3);
  // `data()`, not `dataSync()`: webgpu reads back only asynchronously; on wasm and cpu it
  // resolves at once.
  const run = async () => {
    const value = optimizer.minimize(
      () => loss(y, model.apply(x, { training: true }) as tf.Tensor, null),
      true,
    );
    await value!.data();
    value!.dispose();
  };
  return {
    name,
    step: async () => {
      const t0 = performance.now();
      await run();
      return performance.now() - t0;
    },
    profile: (steps) => medianProfile(() => tf.profile(run), steps),
    dispose: () => {
      tf.dispose([x, y]);
      optimizer.dispose();
      model.dispose();
    },
  };
}

/** Each kernel's median over `steps` runs of `profiled`, largest first, and the median calls. */
export async function medianProfile(
  profiled: () => Promise<ProfileInfo>,
  steps: number,
): Promise<KernelProfile> {
  const runs: Map<string, number>[] = [];
  const calls: number[] = [];
  for (let i = 0; i < steps; i++) {
    const info = await profiled();
    runs.push(new Map(kernelTotals(info)));
    calls.push(info.kernels.length);
  }
  const names = new Set(runs.flatMap((r) => [...r.keys()]));
  const kernels = [...names]
    .map((name): [string, number] => [name, median(runs.map((r) => r.get(name) ?? 0))])
    .sort((a, b) => b[1] - a[1]);
  return { kernels, calls: median(calls) };
}

/** Kernel name → total ms in a tf.profile run, largest first. */
export function kernelTotals(info: ProfileInfo): [string, number][] {
  const kernels = new Map<string, number>();
  for (const k of info.kernels)
    kernels.set(k.name, (kernels.get(k.name) ?? 0) + Number(k.kernelTimeMs));
  return [...kernels].sort((a, b) => b[1] - a[1]);
}
