import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../test/gradCases';
import { smallUnet } from '../../test/smallUnet';
import { initBackend } from '../backend/initBackend';
import { makeSyntheticShapes } from '../data/synthetic';
import { localGradients } from '../train/train';
import type { GradientSource, StepContext } from '../train/types';
import { averageGradients } from './averageGradients';
import { bceStepContext, liveWorkerThreads } from './parallelTestSupport';
import { poolGradients, startReplicasFor } from './poolGradients';
import { startReplicas, type ReplicaPool } from './replicaPool';

const data = makeSyntheticShapes({ count: 5, size: [16, 16], seed: 7 });
let threadsBefore = 0;
let ctx: StepContext;
let pool: ReplicaPool;
let source: GradientSource;

beforeAll(async () => {
  expect((await initBackend('wasm')).backend).toBe('wasm');
  threadsBefore = liveWorkerThreads();
  // BatchNorm: the case where a shard's gradients differ from the whole batch's.
  ctx = bceStepContext(smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [8, 16] }));
  pool = await startReplicasFor(ctx, 1);
  source = poolGradients(ctx, pool);
}, 60_000);

afterAll(() => {
  ctx.optimizer.dispose();
  ctx.model.dispose();
});

/** Gradient arrays in variable order; disposes the tensors. */
function arrays(grads: tf.NamedTensorMap): Float32Array[] {
  const out = ctx.variables.map((v) => grads[v.name]!.dataSync().slice() as Float32Array);
  tf.dispose(Object.values(grads));
  return out;
}

describe('poolGradients', () => {
  it('gives, with BatchNorm, the image-weighted mean of each shard’s own gradients (DDP without SyncBatchNorm)', async () => {
    const indices = [0, 1, 2, 3, 4];
    const parallel = await source.gradients(data, indices);
    // The reference, on this thread: the main shard (3 images) and the worker's (2), each
    // normalised by its own batch statistics.
    const own = await localGradients(ctx, data, [0, 1, 2]);
    const other = await localGradients(ctx, data, [3, 4]);
    const reference = averageGradients([arrays(own.grads), arrays(other.grads)], [3, 2]);
    const got = arrays(parallel.grads);
    got.forEach((g, i) => {
      const { maxDiff, scale } = compare(g, reference[i]!);
      expect(maxDiff).toBeLessThanOrEqual(1e-5 * Math.max(1, scale));
    });
    expect(parallel.loss).toBeCloseTo((3 * own.loss + 2 * other.loss) / 5, 5);
    expect([...parallel.counts]).toEqual([...own.counts].map((v, i) => v + other.counts[i]!));
    // Normalising 3 and 2 images apart is not normalising 5 together: the whole batch differs.
    const whole = await localGradients(ctx, data, indices);
    const wholeArrays = arrays(whole.grads);
    const differs = got.some((g, i) => compare(g, wholeArrays[i]!).maxDiff > 1e-4);
    expect(differs).toBe(true);
  });

  it('sends the main model’s weights to the workers after an update', async () => {
    const { grads } = await source.gradients(data, [0, 1, 2, 3]);
    ctx.optimizer.applyGradients(grads);
    tf.dispose(Object.values(grads));
    source.applied();
    const [replica] = await pool.readWeights();
    const main = ctx.model.weights.map((w) => w.read().dataSync());
    expect(replica!.map((w) => [...w])).toEqual(main.map((w) => [...w]));
  });

  it('names the worker when its shard fails, and stays usable', async () => {
    // Two channels for a model that takes three: the worker's forward pass throws.
    const bad = { ...data, count: 1, inputShape: [16, 16, 2], x: new Float32Array(16 * 16 * 2) };
    await expect(
      pool.gradients([{ ...bad, y: new Float32Array(16 * 16), names: undefined }]),
    ).rejects.toThrow(/^training worker 1: Input 0 is incompatible with layer .*expected axis 3/);
    const again = await source.gradients(data, [0, 1]);
    expect(Number.isFinite(again.loss)).toBe(true);
    tf.dispose(Object.values(again.grads));
  });

  it('terminates every worker on close, and later requests say so', async () => {
    await source.close();
    expect(liveWorkerThreads()).toBe(threadsBefore);
    await expect(pool.readWeights()).rejects.toThrow(/training workers were closed/);
  });
});

describe('startReplicas', () => {
  it('says which worker could not start and why, leaving no thread behind', async () => {
    const before = liveWorkerThreads();
    const start = startReplicas(1, {
      backend: 'wasm',
      artifacts: { modelTopology: { class_name: 'NoSuchModel', config: {} } },
      lossName: 'bce',
      head: 'none',
      classes: 1,
      threshold: 0.5,
    });
    await expect(start).rejects.toThrow(/^training worker 1: could not start: .*NoSuchModel/);
    expect(liveWorkerThreads()).toBe(before);
  }, 60_000);
});
