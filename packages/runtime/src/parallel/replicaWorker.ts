/**
 * A data-parallel replica, run in a worker thread by `startReplicas`: its own tfjs backend and
 * copy of the main model, computing the gradients of its shard of each batch with the same
 * `localGradients` the main thread uses, and taking the main model's weights after each update.
 * Requests are handled one at a time, in order; a failure is answered with an `error` reply.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import type { SegmentationData } from '../data/dataset';
import { initBackend } from '../backend/initBackend';
import { loadFromMemory } from '../io/memory';
import { makeLoss } from '../train/losses';
import { localGradients } from '../train/train';
import type { GradientContext } from '../train/types';
import type { ReplicaReply, ReplicaRequest, ReplicaSetup } from './protocol';

const setup = workerData as ReplicaSetup;
const port = parentPort!;
const send = (reply: ReplicaReply, transfer: ArrayBuffer[] = []) =>
  port.postMessage(reply, transfer);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function start(): Promise<GradientContext> {
  // The main thread runs the same code and has shown tfjs's warnings (the cpu backend's advert
  // for tfjs-node, deprecations); each replica repeating them would only be noise.
  tf.env().set('PROD', true);
  const report = await initBackend(setup.backend);
  if (report.backend !== setup.backend)
    throw new Error(`the ${setup.backend} backend did not start: ${report.summary}`);
  const model = await loadFromMemory(setup.artifacts);
  return {
    model,
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    loss: makeLoss(setup.lossName, { head: setup.head, classes: setup.classes }),
    head: setup.head,
    classes: setup.classes,
    threshold: setup.threshold,
  };
}

async function gradients(ctx: GradientContext, shard: SegmentationData): Promise<void> {
  const { loss, counts, grads } = await localGradients(ctx, shard);
  try {
    // Fresh copies: on the cpu backend dataSync returns the tensor's own storage.
    const arrays = ctx.variables.map((v) => grads[v.name]?.dataSync().slice() ?? null);
    const buffers = arrays.flatMap((a) => (a === null ? [] : [a.buffer]));
    send(
      {
        kind: 'gradients',
        images: shard.count,
        loss,
        counts,
        grads: arrays as (Float32Array | null)[],
      },
      buffers,
    );
  } finally {
    tf.dispose(Object.values(grads));
  }
}

function setWeights(ctx: GradientContext, values: readonly Float32Array[]): void {
  const weights = ctx.model.weights;
  if (values.length !== weights.length)
    throw new Error(`got ${values.length} weights for a model with ${weights.length}`);
  tf.tidy(() => weights.forEach((w, i) => w.write(tf.tensor(values[i]!, w.read().shape))));
}

async function handle(ctx: GradientContext, request: ReplicaRequest): Promise<void> {
  if (request.kind === 'gradients') return gradients(ctx, request.shard);
  if (request.kind === 'setWeights') {
    setWeights(ctx, request.values);
    return send({ kind: 'done' });
  }
  const values = ctx.model.weights.map((w) => w.read().dataSync().slice() as Float32Array);
  send(
    { kind: 'weights', values },
    values.map((v) => v.buffer as ArrayBuffer),
  );
}

try {
  const ctx = await start();
  let queue = Promise.resolve();
  port.on('message', (request: ReplicaRequest) => {
    queue = queue.then(() =>
      handle(ctx, request).catch((error: unknown) =>
        send({ kind: 'error', message: messageOf(error) }),
      ),
    );
  });
  send({
    kind: 'ready',
    shapes: ctx.model.weights.map((w) => w.read().shape),
    trainable: ctx.variables.length,
  });
} catch (error) {
  send({ kind: 'error', message: `could not start: ${messageOf(error)}` });
}
