/**
 * tfjs's Cropping2D with open sizes fixed: its output shape computes `null − top − bottom`,
 * which JavaScript turns into a number (0 or negative), so a crop of an open-size map breaks the
 * next layer's shape check. This subclass keeps open sizes open. It keeps the Keras class name
 * `Cropping2D`: model.json files stay plain Keras, and registering it replaces the built-in entry
 * when models are loaded.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';

/** Options of {@link OpenCropping2D} (those of `tf.layers.cropping2D`). */
export interface OpenCropping2DArgs extends LayerArgs {
  /** `[[top, bottom], [left, right]]`. */
  readonly cropping: [[number, number], [number, number]];
  readonly dataFormat?: 'channelsLast';
}

type CroppingClass = new (args: OpenCropping2DArgs) => tf.layers.Layer & {
  cropping: [[number, number], [number, number]];
};

// The built-in class is not exported by name; a throwaway instance leads to it.
const Cropping2DBase = tf.layers.cropping2D({ cropping: 0 }).constructor as CroppingClass;

/** Cropping2D whose output shape keeps open (null) sizes open. */
export class OpenCropping2D extends Cropping2DBase {
  /** The Keras class name, shared with the built-in layer this one replaces. */
  static className = 'Cropping2D';

  /** Creates the layer from a model.json config (tfjs calls this when loading). */
  static fromConfig<T extends tf.serialization.Serializable>(
    cls: tf.serialization.SerializableConstructor<T>,
    config: tf.serialization.ConfigDict,
  ): T {
    return new cls(config);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const [[top, bottom], [left, right]] = this.cropping;
    const cut = (n: number | null | undefined, a: number, b: number) =>
      n == null ? null : n - a - b;
    return [
      shape[0] ?? null,
      cut(shape[1], top, bottom),
      cut(shape[2], left, right),
      shape[3] ?? null,
    ];
  }
}
