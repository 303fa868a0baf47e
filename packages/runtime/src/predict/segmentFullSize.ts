/**
 * Segmenting a decoded image at its own size: tiled (see {@link predictFullSize}) by default, or
 * resized to the model's input and back for those who ask for it.
 */
import type * as tf from '@tensorflow/tfjs';
import { imageToInput, type DecodedImage } from '../data/imageOps';
import { segmentImage, type SegmentedImage } from '../train/segmentImage';
import { predictFullSize, type FullSizeOptions, type FullSizePrediction } from './predictFullSize';

/** Options of {@link segmentFullSize}. */
export interface SegmentFullSizeOptions extends FullSizeOptions {
  /** Resize the image to the model's input (or `size`) and the mask back, instead of tiling. */
  readonly resize?: boolean;
  /** Input size for `resize` when the model takes any size. */
  readonly size?: readonly [number, number];
}

/** A segmented image, with the tiling used (null when resized). */
export interface FullSizeSegmentation extends SegmentedImage {
  readonly tiling: FullSizePrediction['tiling'] | null;
}

/**
 * Segments `image` with `model`; the mask has the image's size.
 *
 * @example const s = segmentFullSize(model, await readImageFile('big.png'), { tile: 'auto' });
 */
export function segmentFullSize(
  model: tf.LayersModel,
  image: DecodedImage,
  options: SegmentFullSizeOptions = {},
): FullSizeSegmentation {
  if (options.resize === true) return { ...segmentImage(model, image, options), tiling: null };
  const channels = model.inputs[0]?.shape[3];
  if (channels !== 1 && channels !== 3 && channels !== 4)
    throw new Error(`the model takes ${String(channels)} channels; images give 1, 3 or 4`);
  const p = predictFullSize(
    model,
    { height: image.height, width: image.width, channels, data: imageToInput(image, channels) },
    options,
  );
  const fg = p.labels.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
  return {
    width: p.width,
    height: p.height,
    labels: p.labels,
    classes: p.classes,
    foreground: fg / p.labels.length,
    tiling: p.tiling,
  };
}
