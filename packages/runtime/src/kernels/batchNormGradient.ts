/**
 * The gradient of FusedBatchNorm without `tile`. tfjs's version tiles the per-channel
 * 1/√(var + ε) to the full activation shape before multiplying, which on wasm made Tile the
 * single most expensive kernel of a U-Net training step; broadcasting gives the same values.
 * The formulas are tfjs-core's (gradients/FusedBatchNorm_grad.ts), term for term.
 */
import * as tf from '@tensorflow/tfjs';

let original: tf.GradConfig | undefined;

function batchNormGrad(
  dy: tf.Tensor | tf.Tensor[],
  saved: tf.Tensor[],
  attrs: tf.NamedAttrMap,
): Record<string, () => tf.Tensor> {
  const g = Array.isArray(dy) ? dy[0]! : dy;
  const [x, mean, variance, scale] = saved as [
    tf.Tensor,
    tf.Tensor,
    tf.Tensor,
    tf.Tensor | undefined,
  ];
  const eps = (attrs as { varianceEpsilon: number }).varianceEpsilon;
  const scaleValue = scale ?? tf.scalar(1);
  const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
  const reduce = (t: tf.Tensor) => tf.reshape(axes.length > 0 ? tf.sum(t, axes) : t, mean.shape);
  const rsqrtVar = tf.rsqrt(tf.add(variance, tf.scalar(eps)));
  const dyScaled = tf.mul(g, scaleValue);
  return {
    x: () => tf.mul(dyScaled, rsqrtVar),
    mean: () => reduce(tf.mul(tf.neg(rsqrtVar), dyScaled)),
    variance: () =>
      reduce(tf.mul(tf.mul(tf.mul(tf.pow(rsqrtVar, 3), -0.5), tf.sub(x, mean)), dyScaled)),
    scale: () => reduce(tf.mul(g, tf.mul(tf.sub(x, mean), rsqrtVar))),
    offset: () => reduce(g),
  };
}

/** Registers the broadcast FusedBatchNorm gradient (all backends). Safe to call again. */
export function registerBatchNormGradient(): void {
  const current = tf.getGradient('FusedBatchNorm');
  if (current?.gradFunc === batchNormGrad) return;
  original = current;
  tf.registerGradient({
    kernelName: 'FusedBatchNorm',
    inputsToSave: ['x', 'mean', 'variance', 'scale'],
    gradFunc: batchNormGrad,
  });
}

/** tfjs's own FusedBatchNorm gradient, as it was before {@link registerBatchNormGradient}. */
export function originalBatchNormGradient(): tf.GradConfig | undefined {
  return original;
}
