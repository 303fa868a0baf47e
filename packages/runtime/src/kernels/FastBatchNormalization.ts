/**
 * tfjs-layers' BatchNormalization with a faster training step on the cpu and wasm backends: the
 * batch statistics, the normalisation and the gradient run as the fused kernels of
 * batchNormTrainingOp.ts instead of tfjs's moments + batchNorm graph. Everything else is the
 * stock layer's: the same weights, the same moving-average update, inference, other backends
 * (webgl, webgpu) and the serialized form, whose class name stays `BatchNormalization`, so saved
 * models load in stock tfjs and Keras.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchNormalization as StockBatchNormalization } from '@tensorflow/tfjs-layers/dist/layers/normalization';
import type { Kwargs } from '@tensorflow/tfjs-layers/dist/types';
import { batchNormTraining, hasBatchNormTraining } from './batchNormTrainingOp';

/** The stock layer's private state the training step needs (tfjs declares it private). */
interface BatchNormState {
  readonly axis: number;
  readonly momentum: number;
  readonly epsilon: number;
  readonly gamma: tf.LayerVariable | null | undefined;
  readonly beta: tf.LayerVariable | null | undefined;
  readonly movingMean: tf.LayerVariable;
  readonly movingVariance: tf.LayerVariable;
}

/** The stock class, as tfjs-layers registered it for deserialization. */
function stockClass(): typeof StockBatchNormalization {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap.BatchNormalization;
  if (entry === undefined) throw new Error('tfjs-layers has not registered BatchNormalization');
  // The map holds constructors of any serializable; this entry is tfjs-layers' layer class.
  return entry[0] as unknown as typeof StockBatchNormalization;
}

const Stock = stockClass();

function movingAverage(variable: tf.LayerVariable, value: tf.Tensor, momentum: number): void {
  // The stock layer's update, term for term: v ← v − (v − value)·(1 − momentum).
  tf.tidy(() => {
    const current = variable.read();
    variable.write(tf.sub(current, tf.mul(tf.sub(current, value), 1 - momentum)));
  });
}

/** Whether the fused kernels can normalise `x` over all but its `axis`. */
function fusable(x: tf.Tensor, axis: number): boolean {
  return (
    x.dtype === 'float32' &&
    x.rank >= 2 &&
    (axis === -1 || axis === x.rank - 1) &&
    hasBatchNormTraining()
  );
}

/** BatchNormalization whose training step is fused on cpu and wasm (see the module comment). */
export class FastBatchNormalization extends Stock {
  /** Serialized as the stock layer. */
  static override className = 'BatchNormalization';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? (inputs.length === 1 ? inputs[0] : undefined) : inputs;
    const state = this as unknown as BatchNormState;
    const { gamma, beta } = state;
    if (
      !kwargs.training ||
      x === undefined ||
      gamma == null ||
      beta == null ||
      !fusable(x, state.axis)
    ) {
      return super.call(inputs, kwargs);
    }
    return tf.tidy(() => {
      const { y, mean, variance } = batchNormTraining(
        x,
        gamma.read() as tf.Tensor1D,
        beta.read() as tf.Tensor1D,
        state.epsilon,
      );
      movingAverage(state.movingMean, mean, state.momentum);
      movingAverage(state.movingVariance, variance, state.momentum);
      return y;
    });
  }
}

let registered = false;

/**
 * Makes model loading build {@link FastBatchNormalization} for `BatchNormalization` layers, so
 * loaded models train as fast as built ones. Safe to call more than once.
 */
export function registerFastBatchNormalization(): void {
  if (registered) return;
  tf.serialization.registerClass(FastBatchNormalization);
  registered = true;
}
