/**
 * Bilinear resizing of `[batch, h, w, channels]` with PyTorch's conventions, as a serializable
 * tfjs layer. tfjs's own `upSampling2d({interpolation: 'bilinear'})` uses the legacy asymmetric
 * mapping, which matches neither PyTorch mode; this layer calls `tf.image.resizeBilinear` with
 * `alignCorners` = PyTorch `align_corners=True`, or half-pixel centres = PyTorch's default, and
 * differentiates it exactly (see {@link resizeBilinearTrainable}).
 *
 * The target is one of: a `factor` per axis, a fixed `size`, or (with neither) the spatial size
 * of a second input tensor, which lets a decoder map follow its skip at any input size.
 */
import * as tf from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import type { IntPair } from './configValues';
import { readBoolean, readOptionalIntPair } from './configValues';
import { resizeBilinearTrainable } from './resizeBilinearTrainable';

/** Options of {@link BilinearResize}. Give `factor` or `size`, or neither for a reference input. */
export interface BilinearResizeArgs extends LayerArgs {
  /** Integer upsampling factor per axis `[fh, fw]`. */
  readonly factor?: IntPair | null;
  /** Fixed output size `[h, w]`. */
  readonly size?: IntPair | null;
  /** True: PyTorch `align_corners=True`; false: half-pixel centres (PyTorch's default). */
  readonly alignCorners?: boolean;
}

/** Bilinear resize by a factor, to a fixed size, or to the size of a second input. */
export class BilinearResize extends tf.layers.Layer {
  /** The registered class name written to model.json. */
  static className = 'BilinearResize';
  readonly factor: IntPair | null;
  readonly size: IntPair | null;
  readonly alignCorners: boolean;

  constructor(args: BilinearResizeArgs) {
    super(args);
    const name = BilinearResize.className;
    this.factor = readOptionalIntPair(name, 'factor', args.factor);
    this.size = readOptionalIntPair(name, 'size', args.size);
    this.alignCorners = readBoolean(name, 'alignCorners', args.alignCorners ?? false);
    if (this.factor && this.size) {
      throw new Error(`${name}: give either "factor" or "size", not both`);
    }
  }

  /** The output spatial size for an input of spatial size `[h, w]` and an optional reference. */
  private target(
    spatial: readonly (number | null)[],
    reference: readonly (number | null)[] | undefined,
  ): [number | null, number | null] {
    if (this.size) return [this.size[0], this.size[1]];
    if (this.factor) {
      const [fh, fw] = this.factor;
      const [h, w] = spatial;
      return [h == null ? null : h * fh, w == null ? null : w * fw];
    }
    if (!reference) {
      throw new Error(
        `${BilinearResize.className} "${this.name}": without factor or size it needs a reference input`,
      );
    }
    return [reference[0] ?? null, reference[1] ?? null];
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shapes = (Array.isArray(inputShape[0]) ? inputShape : [inputShape]) as tf.Shape[];
    const [x, ref] = shapes;
    if (!x || x.length !== 4) {
      throw new Error(
        `${BilinearResize.className} "${this.name}": expects [batch, h, w, channels] input`,
      );
    }
    const [h, w] = this.target(x.slice(1, 3), ref?.slice(1, 3));
    return [x[0] ?? null, h, w, x[3] ?? null];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const [x, ref] = Array.isArray(inputs) ? inputs : [inputs];
      if (!x || x.rank !== 4) {
        throw new Error(`${BilinearResize.className} "${this.name}": expects a rank-4 input`);
      }
      const [h, w] = this.target(x.shape.slice(1, 3), ref?.shape.slice(1, 3));
      if (h === null || w === null) throw new Error(`${this.name}: unknown target size`);
      return resizeBilinearTrainable(x as tf.Tensor4D, [h, w], this.alignCorners);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      factor: this.factor,
      size: this.size,
      alignCorners: this.alignCorners,
    };
  }
}
