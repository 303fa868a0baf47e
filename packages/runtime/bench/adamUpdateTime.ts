/**
 * The Adam update of the small template's weights on wasm, timed for `pnpm bench:conv`: tfjs's
 * AdamOptimizer against FusedAdamOptimizer (one update kernel per variable), in process CPU ms
 * (the least of `reps` updates after a warm-up), with the kernel calls of one update.
 */
import * as tf from '@tensorflow/tfjs';
import { compile, findTemplate } from '@unet-studio/compiler';
import { buildModel } from '../src/build/buildModel';
import { withTfjsKernels } from '../src/kernels/registerTrainingKernels';
import { FusedAdamOptimizer } from '../src/train/FusedAdamOptimizer';

/** One optimizer's update: CPU ms and kernel calls. */
export interface UpdateTime {
  readonly ms: number;
  readonly kernels: number;
}

async function timeUpdates(optimizer: tf.Optimizer, reps: number): Promise<UpdateTime> {
  const model = buildModel(compile(findTemplate('small')!.build()), { seed: 1 });
  const grads: tf.NamedTensorMap = {};
  for (const w of model.trainableWeights) {
    const v = w.read() as tf.Variable;
    grads[v.name] = tf.randomNormal(v.shape);
  }
  try {
    const profile = await tf.profile(() => optimizer.applyGradients(grads));
    let best = Infinity;
    for (let i = 0; i < reps; i++) {
      const start = process.cpuUsage();
      optimizer.applyGradients(grads);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return { ms: best, kernels: profile.kernels.length };
  } finally {
    tf.dispose(Object.values(grads));
    optimizer.dispose();
    model.dispose();
  }
}

/** tfjs's Adam and the fused one on the active backend (wasm). */
export async function adamUpdateTimes(
  reps: number,
): Promise<{ tfjs: UpdateTime; fused: UpdateTime }> {
  const tfjs = await withTfjsKernels(tf.getBackend(), () =>
    timeUpdates(new FusedAdamOptimizer(1e-3, 0.9, 0.999), reps),
  );
  const fused = await timeUpdates(new FusedAdamOptimizer(1e-3, 0.9, 0.999), reps);
  return { tfjs, fused };
}
