/**
 * Data-parallel training step for `pnpm bench:train --workers N`: the step `trainParallel` runs
 * (`trainStep` with `poolGradients`) on the `small` model, the main thread and N − 1 worker
 * threads each with its own wasm backend and replica, each computing the gradients of its share
 * of the batch; the main thread averages them, applies Adam and sends the new weights to the
 * workers. BatchNorm normalises per shard (as PyTorch's DistributedDataParallel without
 * SyncBatchNorm).
 */
import * as tf from '@tensorflow/tfjs';
import { compile, findTemplate } from '@unet-studio/compiler';
import { buildModel } from '../src/build/buildModel';
import type { SegmentationData } from '../src/data/dataset';
import { bceStepContext } from '../src/parallel/parallelTestSupport';
import { poolGradients, startReplicasFor } from '../src/parallel/poolGradients';
import { splitBatch } from '../src/parallel/shards';
import { localGradients, trainStep } from '../src/train/train';
import { medianProfile, type Stepper } from './stepTimer';

/** A batch of `count` random images with random binary masks, shaped for `model`. */
function randomBatch(model: tf.LayersModel, count: number): SegmentationData {
  const [, h, w, c] = model.inputs[0]!.shape as [null, number, number, number];
  return tf.tidy(() => ({
    count,
    inputShape: [h, w, c],
    targetShape: [h, w, 1],
    classes: 1,
    x: tf.randomUniform([count, h, w, c], 0, 1, 'float32', 1).dataSync() as Float32Array,
    y: tf
      .cast(tf.greater(tf.randomUniform([count, h, w, 1], 0, 1, 'float32', 2), 0.5), 'float32')
      .dataSync() as Float32Array,
  }));
}

/**
 * A stepper for the data-parallel step on `workers` threads (the main thread included), on the
 * active wasm backend; its profile is that of the main replica's gradient computation on its
 * shard (forward and backward, without the Adam update).
 */
export async function parallelStepper(workers: number, batch: number): Promise<Stepper> {
  const model = buildModel(compile(findTemplate('small')!.build()), { seed: 1 });
  const ctx = bceStepContext(model, 1e-3);
  const set = randomBatch(model, batch);
  const indices = Array.from({ length: batch }, (_, i) => i);
  const source = poolGradients(ctx, await startReplicasFor(ctx, workers - 1));
  const own = splitBatch(indices, workers)[0]!;
  let steps = 0;
  return {
    name: `wasm×${workers}`,
    step: async () => {
      const t0 = performance.now();
      await trainStep(ctx, source, set, indices, 1, ++steps);
      return performance.now() - t0;
    },
    profile: (n) =>
      medianProfile(
        () =>
          tf.profile(async () => {
            tf.dispose(Object.values((await localGradients(ctx, set, own)).grads));
          }),
        n,
      ),
    dispose: async () => {
      await source.close();
      ctx.optimizer.dispose();
      model.dispose();
    },
  };
}
