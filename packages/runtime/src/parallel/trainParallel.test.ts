import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallUnet } from '../../test/smallUnet';
import { initBackend } from '../backend/initBackend';
import { makeSyntheticShapes } from '../data/synthetic';
import { train } from '../train/train';
import { TrainingError, type BatchProgress, type TrainOptions } from '../train/types';
import { liveWorkerThreads, plainUnet, weightValues } from './parallelTestSupport';
import { poolGradients, startReplicasFor } from './poolGradients';
import type { ReplicaPool } from './replicaPool';
import { trainParallel } from './trainParallel';

beforeAll(async () => {
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

const shapes = makeSyntheticShapes({ count: 40, size: [16, 16], seed: 1 });

describe('trainParallel', () => {
  it('trains as one thread does on a model without BatchNorm, the replicas staying identical', async () => {
    // Batch 5 over 2 replicas splits 3 + 2, and the last batch of 2 as 1 + 1: uneven shards.
    const options: TrainOptions = { epochs: 2, batchSize: 5, learningRate: 3e-3, seed: 3 };
    const single = plainUnet();
    const reference = await train(single, shapes, options);
    const parallel = plainUnet();
    const threads = liveWorkerThreads();
    let pool: ReplicaPool | null = null;
    const batches: BatchProgress[] = [];
    const history = await train(
      parallel,
      shapes,
      { ...options, onBatch: (b) => void batches.push(b) },
      async (ctx) => {
        pool = await startReplicasFor(ctx, 1);
        // Kept open after the run, to read the replica's weights.
        return { ...poolGradients(ctx, pool), close: () => Promise.resolve() };
      },
    );
    expect(history.status).toBe('completed');
    expect(batches).toHaveLength(2 * 7);
    // Float32 rounding of split sums, carried through 14 Adam steps: about 1e-7 on losses and
    // weights. Averaging the shards unweighted instead would be off by about 2e-4.
    history.epochs.forEach((e, i) => {
      const r = reference.epochs[i]!;
      expect(Math.abs(e.loss - r.loss)).toBeLessThan(1e-5);
      expect(Math.abs(e.valLoss! - r.valLoss!)).toBeLessThan(1e-5);
    });
    const expected = weightValues(single);
    weightValues(parallel).forEach((w, i) => {
      const diff = w.reduce((m, v, j) => Math.max(m, Math.abs(v - expected[i]![j]!)), 0);
      expect(diff).toBeLessThan(1e-5);
    });
    const [replica] = await pool!.readWeights();
    expect(replica!.map((w) => [...w])).toEqual(weightValues(parallel).map((w) => [...w]));
    await pool!.close();
    expect(liveWorkerThreads()).toBe(threads);
    single.dispose();
    parallel.dispose();
  }, 120_000);

  it('stops on abort and tears the workers down, leaving no tensors behind', async () => {
    const model = smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [8, 16] });
    const threads = liveWorkerThreads();
    const tensors = tf.memory().numTensors;
    const controller = new AbortController();
    let seen = 0;
    let busy = 0;
    const history = await trainParallel(model, shapes, {
      epochs: 3,
      workers: 2,
      signal: controller.signal,
      onBatch: () => {
        busy = Math.max(busy, liveWorkerThreads() - threads);
        if (++seen === 2) controller.abort();
      },
    });
    expect(history.status).toBe('aborted');
    expect(seen).toBe(2);
    expect(busy).toBe(1);
    expect(liveWorkerThreads()).toBe(threads);
    expect(tf.memory().numTensors).toBe(tensors);
    model.dispose();
  }, 60_000);

  it('stops on a NaN loss as train does, weights as before the batch, workers gone', async () => {
    const model = smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [8, 16] });
    const data = makeSyntheticShapes({ count: 16, size: [16, 16], seed: 2 });
    const threads = liveWorkerThreads();
    let afterEpoch1: number[][] = [];
    const run = trainParallel(model, data, {
      epochs: 3,
      batchSize: 4,
      workers: 2,
      validationSplit: 0,
      onEpoch: () => {
        afterEpoch1 = weightValues(model).map((w) => [...w]);
        data.x.fill(NaN);
      },
    });
    await expect(run).rejects.toThrow(TrainingError);
    await expect(run).rejects.toThrow(/loss became NaN at epoch 2, batch 1/);
    expect(weightValues(model).map((w) => [...w])).toEqual(afterEpoch1);
    expect(liveWorkerThreads()).toBe(threads);
    model.dispose();
  }, 60_000);

  it('refuses a thread count that is not a whole number from 1 to 16, starting nothing', async () => {
    const model = plainUnet();
    for (const workers of [0, 1.5, 17])
      await expect(trainParallel(model, shapes, { workers })).rejects.toThrow(
        `workers must be a whole number from 1 to 16, got ${workers}`,
      );
    model.dispose();
  });
});
