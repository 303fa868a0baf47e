/**
 * Shared by the data-parallel tests (and the benchmark's step context): a small U-Net without BatchNorm (whose gradients do not
 * depend on how a batch is split), a step context for a model, and a count of live worker
 * threads.
 */
import * as tf from '@tensorflow/tfjs';
import { makeLoss } from '../train/losses';
import { makeOptimizer } from '../train/optimizers';
import type { StepContext } from '../train/types';

/**
 * A 16×16×3 → 1 U-Net of conv + ReLU, max-pooling, ×2 upsampling, a skip and a 1×1 head, with
 * no BatchNorm. Two calls with the same seed give the same weights.
 */
export function plainUnet(seed = 1): tf.LayersModel {
  let n = 0;
  const conv = (filters: number, kernelSize = 3) =>
    tf.layers.conv2d({
      filters,
      kernelSize,
      padding: 'same',
      activation: kernelSize === 1 ? 'linear' : 'relu',
      kernelInitializer: tf.initializers.heNormal({ seed: seed + n++ }),
    });
  const input = tf.input({ shape: [16, 16, 3] });
  const c1 = conv(8).apply(input) as tf.SymbolicTensor;
  const pooled = tf.layers.maxPooling2d({ poolSize: 2 }).apply(c1);
  const c2 = conv(16).apply(pooled) as tf.SymbolicTensor;
  const up = tf.layers.upSampling2d({ size: [2, 2] }).apply(c2) as tf.SymbolicTensor;
  const joined = tf.layers.concatenate().apply([c1, up]) as tf.SymbolicTensor;
  const head = conv(1, 1).apply(conv(8).apply(joined)) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: head });
}

/** A step context for a binary-mask model with a logits head, BCE and Adam at `learningRate`. */
export function bceStepContext(model: tf.LayersModel, learningRate = 3e-3): StepContext {
  return {
    model,
    optimizer: makeOptimizer('adam', learningRate),
    variables: model.trainableWeights.map((w) => w.read() as tf.Variable),
    state: model.nonTrainableWeights,
    loss: makeLoss('bce', { head: 'none', classes: 1 }),
    lossName: 'bce',
    head: 'none',
    classes: 1,
    threshold: 0.5,
  };
}

/** Worker threads of this process still running (from Node's diagnostic report). */
export function liveWorkerThreads(): number {
  return (process.report.getReport() as { workers: unknown[] }).workers.length;
}

/** Every weight of a model, BN statistics included, as plain arrays. */
export function weightValues(model: tf.LayersModel): Float32Array[] {
  return model.weights.map((w) => w.read().dataSync() as Float32Array);
}
