/**
 * Parameter counts of a built model, split like the compiler's (and Keras's) figures: trainable
 * weights, and non-trainable ones (batch-norm running statistics).
 */
import type * as tf from '@tensorflow/tfjs';

/** Trainable and non-trainable parameter counts. */
export interface ParamTotals {
  readonly trainable: number;
  readonly nonTrainable: number;
}

const size = (weights: readonly tf.LayerVariable[]): number =>
  weights.reduce((sum, w) => sum + w.shape.reduce((p: number, d) => p * (d ?? 0), 1), 0);

/** Counts a model's (or a layer's) parameters. */
export function countParams(model: tf.LayersModel | tf.layers.Layer): ParamTotals {
  return { trainable: size(model.trainableWeights), nonTrainable: size(model.nonTrainableWeights) };
}
