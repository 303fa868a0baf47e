/**
 * The op behind the fast BatchNormalization layer: batch statistics, normalisation and the
 * closed-form gradient in two kernels (batchNormTrainingKernels.ts), with its gradient
 * registered with tfjs so `optimizer.minimize`, `tf.grads` and `model.fit` use it.
 */
import * as tf from '@tensorflow/tfjs';
import { BATCH_NORM_TRAINING, BATCH_NORM_TRAINING_GRAD } from './batchNormTrainingKernels';

/** The outputs of {@link batchNormTraining}. */
export interface BatchNormTrainingResult {
  /** γ·(x − μ)/√(σ² + ε) + β. */
  readonly y: tf.Tensor;
  /** Per-channel batch mean. */
  readonly mean: tf.Tensor1D;
  /** Per-channel biased batch variance. */
  readonly variance: tf.Tensor1D;
}

/** True when the active backend (or `backendName`) has the fused training kernels. */
export function hasBatchNormTraining(backendName: string = tf.getBackend()): boolean {
  return (
    tf.getKernel(BATCH_NORM_TRAINING, backendName) !== undefined &&
    tf.getKernel(BATCH_NORM_TRAINING_GRAD, backendName) !== undefined
  );
}

/**
 * Normalises channels-last `x` with its own per-channel batch statistics, as tfjs-layers'
 * BatchNormalization does in training (`moments` over every axis but the last, then
 * `batchNorm`), in one kernel and with a one-kernel gradient.
 *
 * @example const { y, mean, variance } = batchNormTraining(x, gamma, beta, 1e-3);
 */
export function batchNormTraining(
  x: tf.Tensor,
  scale: tf.Tensor1D,
  offset: tf.Tensor1D,
  epsilon: number,
): BatchNormTrainingResult {
  const out = tf
    .engine()
    .runKernel(BATCH_NORM_TRAINING, { x, scale, offset }, { varianceEpsilon: epsilon });
  const [y, mean, variance] = out as unknown as [tf.Tensor, tf.Tensor1D, tf.Tensor1D];
  return { y, mean, variance };
}

function gradFunc(
  dys: tf.Tensor | tf.Tensor[],
  saved: tf.Tensor[],
  attrs: tf.NamedAttrMap,
): Record<string, () => tf.Tensor> {
  // Outputs off the backward path (usually mean and variance) come as null.
  const [dy, dMean, dVariance] = (Array.isArray(dys) ? dys : [dys]) as (tf.Tensor | null)[];
  const [x, scale, mean, variance] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
  const inputs: tf.NamedTensorMap = { dy: dy ?? tf.zerosLike(x), x, scale, mean, variance };
  if (dMean) inputs.dMean = dMean;
  if (dVariance) inputs.dVariance = dVariance;
  // One kernel call gives all three gradients; the closures hand them out.
  const [dx, dScale, dOffset] = tf
    .engine()
    .runKernel(BATCH_NORM_TRAINING_GRAD, inputs, attrs) as unknown as tf.Tensor[];
  return { x: () => dx!, scale: () => dScale!, offset: () => dOffset! };
}

/** Registers the gradient of the fused training kernel (every backend). Safe to call again. */
export function registerBatchNormTrainingGradient(): void {
  if (tf.getGradient(BATCH_NORM_TRAINING)?.gradFunc === gradFunc) return;
  tf.registerGradient({
    kernelName: BATCH_NORM_TRAINING,
    inputsToSave: ['x', 'scale'],
    outputsToSave: [false, true, true],
    gradFunc,
  });
}
