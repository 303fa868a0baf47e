/**
 * One data-parallel replica for parallelStep.ts: its own wasm backend and copy of the `small`
 * model (same seed, so the same weights), computing gradients on its shard of the batch and
 * applying the averaged gradients it is sent back with its own Adam.
 */
import { parentPort, workerData } from 'node:worker_threads';
import * as tf from '@tensorflow/tfjs';
import { compile, findTemplate } from '@unet-studio/compiler';
import { initBackend } from '../src/backend/initBackend';
import { buildModel } from '../src/build/buildModel';
import { makeLoss } from '../src/train/losses';
import { kernelTotals } from './stepTimer';

/** What the coordinator sends: compute gradients, profile that, or apply averaged gradients. */
export type ReplicaRequest =
  | { readonly kind: 'grads' }
  | { readonly kind: 'profile' }
  | { readonly kind: 'apply'; readonly grads: Float32Array[] };

const { shard, batch } = workerData as { shard: number; batch: number };
const port = parentPort!;
tf.env().set('PROD', true);
const report = await initBackend('wasm');
if (report.backend !== 'wasm') throw new Error(`replica ${shard}: ${report.summary}`);
const model = buildModel(compile(findTemplate('small')!.build()), { seed: 1 });
const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
const [, h, w, c] = model.inputs[0]!.shape as [null, number, number, number];
const x = tf.randomUniform([batch, h, w, c], 0, 1, 'float32', 10 + shard);
const y = tf.cast(
  tf.greater(tf.randomUniform([batch, h, w, 1], 0, 1, 'float32', 20 + shard), 0.5),
  'float32',
);
const loss = makeLoss('bce', { head: 'none', classes: 1 });
const optimizer = tf.train.adam(1e-3);

function gradients(): { value: tf.Scalar; grads: tf.NamedTensorMap } {
  return tf.variableGrads(
    () => loss(y, model.apply(x, { training: true }) as tf.Tensor, null),
    vars,
  );
}

async function handle(request: ReplicaRequest): Promise<void> {
  if (request.kind === 'profile') {
    const info = await tf.profile(() => {
      const { value, grads } = gradients();
      tf.dispose([value, grads]);
    });
    port.postMessage(kernelTotals(info));
  } else if (request.kind === 'grads') {
    const { value, grads } = gradients();
    const arrays = vars.map((v) => grads[v.name]!.dataSync() as Float32Array);
    const lossValue = value.dataSync()[0]!;
    tf.dispose([value, grads]);
    port.postMessage(
      { loss: lossValue, grads: arrays },
      arrays.map((a) => a.buffer as ArrayBuffer),
    );
  } else {
    const named = vars.map((v, i) => ({
      name: v.name,
      tensor: tf.tensor(request.grads[i]!, v.shape),
    }));
    optimizer.applyGradients(named);
    tf.dispose(named.map((n) => n.tensor));
    port.postMessage({ applied: true });
  }
}

port.on('message', (request: ReplicaRequest) => void handle(request));
port.postMessage({ ready: true, params: model.countParams() });
