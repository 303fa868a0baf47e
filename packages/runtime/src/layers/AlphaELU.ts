/**
 * ELU with any alpha, `x > 0 ? x : alpha·(eᵡ − 1)`, as a serializable tfjs layer: tfjs's own ELU
 * layer refuses alpha ≠ 1 ("not supported by the ELU layer yet").
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import { readNonNegativeNumber } from './configValues';

/** Options of {@link AlphaELU}. */
export interface AlphaELUArgs extends LayerArgs {
  /** Scale of the negative part (PyTorch's and Keras's default is 1). */
  readonly alpha: number;
}

/** The exponential linear unit with a configurable alpha. */
export class AlphaELU extends tf.layers.Layer {
  /** The registered class name written to model.json. */
  static className = 'AlphaELU';
  readonly alpha: number;

  constructor(args: AlphaELUArgs) {
    super(args);
    this.alpha = readNonNegativeNumber(AlphaELU.className, 'alpha', args.alpha);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      if (!x) throw new Error(`${this.name}: no input`);
      // elu − relu is eᵡ − 1 below zero and 0 above; built from ops that all have gradients.
      return tf.add(tf.mul(tf.relu(x), 1 - this.alpha), tf.mul(tf.elu(x), this.alpha));
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), alpha: this.alpha };
  }
}
