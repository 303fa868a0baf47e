/**
 * Data-parallel training in Node: `train` with each batch's gradients computed on several
 * threads. Same loop, options, progress, metrics, validation, abort and NaN stop as `train`.
 */
import type * as tf from '@tensorflow/tfjs';
import type { SegmentationData } from '../data/dataset';
import { train } from '../train/train';
import type { TrainHistory, TrainOptions } from '../train/types';
import { poolGradients, startReplicasFor } from './poolGradients';

/** The most threads `trainParallel` takes: more replicas than this only wait for each other. */
export const MAX_WORKERS = 16;

/** Options of {@link trainParallel}: those of `train`, plus the number of threads. */
export interface ParallelTrainOptions extends TrainOptions {
  /**
   * Threads computing gradients, the main thread included (default 1: plain `train`). Each
   * batch is split between them as evenly as it goes; 2 pays off only when two cores are free.
   */
  readonly workers?: number;
}

/**
 * Trains `model` as `train` does, with each batch's gradients computed by `workers` replicas:
 * the main thread and `workers − 1` worker threads, each with its own backend (wasm or cpu, as
 * the main thread) and copy of the model. The shards' gradients are averaged, weighted by their
 * images, and the main thread's optimizer applies the result; the updated weights (BatchNorm
 * statistics included) are then sent to every worker, so all replicas stay identical. BatchNorm
 * normalises each shard with its own batch statistics, as PyTorch's DistributedDataParallel
 * without SyncBatchNorm; the moving statistics are the main replica's. The workers are
 * terminated when the run ends: completed, aborted or failed.
 *
 * @throws As `train`; also when `workers` is not a whole number in 1…{@link MAX_WORKERS}, or a
 *   worker fails (the message names it).
 * @example const history = await trainParallel(model, data, { epochs: 5, workers: 2 });
 */
export async function trainParallel(
  model: tf.LayersModel,
  data: SegmentationData,
  options: ParallelTrainOptions = {},
): Promise<TrainHistory> {
  const { workers = 1, ...trainOptions } = options;
  if (!(Number.isInteger(workers) && workers >= 1 && workers <= MAX_WORKERS))
    throw new Error(`workers must be a whole number from 1 to ${MAX_WORKERS}, got ${workers}`);
  if (workers === 1) return train(model, data, trainOptions);
  return train(model, data, trainOptions, async (ctx) =>
    poolGradients(ctx, await startReplicasFor(ctx, workers - 1)),
  );
}
