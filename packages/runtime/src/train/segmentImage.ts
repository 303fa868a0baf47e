/**
 * Segmenting one decoded image with a 2D model: resize to the model's input, predict, and bring
 * the label mask back to the image's own size.
 */
import * as tf from '@tensorflow/tfjs';
import { headOf, predict } from '../build/predict';
import { checkAllocation } from '../data/allocation';
import { imageToInput, resizeBilinear, resizeNearest, type DecodedImage } from '../data/imageOps';

/** A predicted mask at the image's size. */
export interface SegmentedImage {
  readonly width: number;
  readonly height: number;
  /** Class index per pixel (binary: 0/1). */
  readonly labels: Uint8Array;
  /** Channels of the model output (1 = binary). */
  readonly classes: number;
  /** Fraction of pixels labelled as any foreground class. */
  readonly foreground: number;
}

/**
 * Runs `model` on `image`.
 *
 * @param size - The input size to use when the model takes any (`[H, W]`).
 * @throws when the model is not a 2D image model with 1, 3 or 4 input channels.
 */
export function segmentImage(
  model: tf.LayersModel,
  image: DecodedImage,
  options: { threshold?: number; size?: readonly [number, number] } = {},
): SegmentedImage {
  const shape = model.inputs[0]?.shape ?? [];
  if (shape.length !== 4) throw new Error('this model does not take 2D images');
  const channels = shape[3];
  if (channels !== 1 && channels !== 3 && channels !== 4)
    throw new Error(`the model takes ${channels} channels; images give 1, 3 or 4`);
  const h = shape[1] ?? options.size?.[0];
  const w = shape[2] ?? options.size?.[1];
  if (h === undefined || w === undefined)
    throw new Error('the model takes any input size: give one with --size');
  checkAllocation(`the model input for ${image.width}×${image.height} image`, [h, w, 4], 1);
  const input = imageToInput(resizeBilinear(image, w, h), channels);
  const { labels, classes } = tf.tidy(() => {
    const { mask, probabilities } = predict(model, tf.tensor3d(input, [h, w, channels]), {
      head: headOf(model),
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    });
    return {
      labels: Uint8Array.from(mask.dataSync()),
      classes: probabilities.shape[probabilities.rank - 1]!,
    };
  });
  const full = resizeNearest(labels, w, h, image.width, image.height);
  const fg = full.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
  return {
    width: image.width,
    height: image.height,
    labels: full,
    classes,
    foreground: fg / full.length,
  };
}
