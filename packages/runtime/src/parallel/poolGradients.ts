/**
 * Data-parallel gradients for `train`: the main thread is replica 0 and computes its shard of
 * each batch while the worker replicas compute theirs; the shards' gradients, losses and counts
 * are combined, weighted by the images in each shard, into the batch's. After the optimizer
 * updates the main model, its weights (BatchNorm statistics included) are sent to every worker,
 * so all replicas start each step from the same weights.
 */
import * as tf from '@tensorflow/tfjs';
import { subset, type SegmentationData } from '../data/dataset';
import { saveToMemory } from '../io/memory';
import { localGradients } from '../train/train';
import type { BatchGradients, GradientSource, StepContext } from '../train/types';
import { averageGradients } from './averageGradients';
import type { ShardGradients } from './protocol';
import { startReplicas, type ReadyReply, type ReplicaPool } from './replicaPool';
import { splitBatch } from './shards';

/** The samples at `indices` as a shard for a worker (no names: they are not needed there). */
function shardOf(set: SegmentationData, indices: readonly number[]): SegmentationData {
  const { names: _names, ...shard } = subset(set, indices);
  return shard;
}

/** The batch's gradients from its shards': image-weighted means of losses and gradients. */
function combine(ctx: StepContext, shards: readonly ShardGradients[]): BatchGradients {
  const images = shards.map((s) => s.images);
  const total = images.reduce((a, b) => a + b, 0);
  const loss = shards.reduce((sum, s) => sum + s.loss * s.images, 0) / total;
  const counts = new Float32Array(shards[0]!.counts.length);
  for (const s of shards) s.counts.forEach((v, i) => (counts[i]! += v));
  const averaged = averageGradients(
    shards.map((s) => s.grads),
    images,
  );
  const grads: tf.NamedTensorMap = {};
  ctx.variables.forEach((v, i) => {
    const g = averaged[i];
    if (g !== null && g !== undefined) grads[v.name] = tf.tensor(g, v.shape);
  });
  return { loss, counts, grads };
}

/** The main thread's shard, with its gradients read out in variable order. */
async function ownShard(
  ctx: StepContext,
  set: SegmentationData,
  indices: readonly number[],
): Promise<ShardGradients> {
  const { loss, counts, grads } = await localGradients(ctx, set, indices);
  try {
    const arrays = ctx.variables.map((v) => (grads[v.name]?.dataSync() as Float32Array) ?? null);
    return { images: indices.length, loss, counts, grads: arrays };
  } finally {
    tf.dispose(Object.values(grads));
  }
}

/**
 * A gradient source over the main thread and `pool`'s workers; closing it closes the pool.
 *
 * @example await train(model, data, options, async (ctx) => poolGradients(ctx, await startReplicasFor(ctx, 1)));
 */
export function poolGradients(ctx: StepContext, pool: ReplicaPool): GradientSource {
  let synced: Promise<void> = Promise.resolve();
  return {
    async gradients(set, indices) {
      // A failed weight broadcast surfaces here, before any replica computes on stale weights.
      await synced;
      const [own, ...rest] = splitBatch(indices, pool.size + 1);
      const remote = pool.gradients(rest.filter((s) => s.length > 0).map((s) => shardOf(set, s)));
      // If the main thread's shard fails, the workers' answer is no longer awaited.
      remote.catch(() => undefined);
      const mine = await ownShard(ctx, set, own!);
      return combine(ctx, [mine, ...(await remote)]);
    },
    applied() {
      const values = ctx.model.weights.map((w) => w.read().dataSync() as Float32Array);
      synced = pool.setWeights(values);
      synced.catch(() => undefined);
    },
    close: () => pool.close(),
  };
}

/** Says how a worker's model differs from the main one, or null when it holds the same. */
function mismatch(ctx: StepContext, ready: ReadyReply): string | null {
  const shapes = ctx.model.weights.map((w) => w.shape);
  if (ready.trainable !== ctx.variables.length)
    return `${ready.trainable} trainable weights, the model has ${ctx.variables.length}`;
  if (ready.shapes.length !== shapes.length)
    return `${ready.shapes.length} weights, the model has ${shapes.length}`;
  const i = shapes.findIndex((s, k) => s.join('×') !== ready.shapes[k]!.join('×'));
  return i < 0
    ? null
    : `weight ${i} (${ctx.model.weights[i]!.name}) is ${ready.shapes[i]!.join('×')}, not ${shapes[i]!.join('×')}`;
}

/**
 * Starts `count` worker replicas of the run's model on the backend in use (wasm or cpu), from
 * its current weights, and checks that each rebuilt the same model.
 *
 * @throws When the backend is neither wasm nor cpu, a worker cannot start, or a worker's model
 *   differs from the main one (all workers are then terminated).
 */
export async function startReplicasFor(ctx: StepContext, count: number): Promise<ReplicaPool> {
  const backend = tf.getBackend();
  if (backend !== 'wasm' && backend !== 'cpu')
    throw new Error(
      `data-parallel training runs on the wasm or cpu backend; this run uses ${backend}`,
    );
  const { pool, ready } = await startReplicas(count, {
    backend,
    artifacts: await saveToMemory(ctx.model),
    lossName: ctx.lossName,
    head: ctx.head,
    classes: ctx.classes,
    threshold: ctx.threshold,
  });
  const problems = ready.map((r, i) => [i + 1, mismatch(ctx, r)] as const).filter(([, p]) => p);
  if (problems.length > 0) {
    await pool.close();
    const [replica, problem] = problems[0]!;
    throw new Error(`training worker ${replica} rebuilt a different model: ${problem}`);
  }
  return pool;
}
