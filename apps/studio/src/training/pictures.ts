/**
 * Pixels for the preview strip and the prediction view: a sample's input as an image, a mask
 * as black and white, and a predicted mask overlaid on its image. Pure functions on typed
 * arrays, so the worker can build them and the tests can check them without a canvas.
 */
import type { Picture } from './protocol';

/** Overlay colours per class (class 1 first, repeating past 4); background stays the image. */
export const CLASS_COLOURS: readonly (readonly [number, number, number])[] = [
  [255, 64, 64],
  [64, 200, 255],
  [255, 210, 40],
  [120, 255, 120],
];

/**
 * One sample of a channels-last input as RGB, stretched to its own min…max so faint inputs
 * stay visible. One channel is shown as grey; two or more use the first three (missing as 0).
 */
export function inputPicture(
  values: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
): Picture {
  const n = height * width;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n * channels; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  const scale = hi > lo ? 255 / (hi - lo) : 0;
  const rgba = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    for (let k = 0; k < 3; k++) {
      const c = channels === 1 ? 0 : k;
      const v = c < channels ? values[p * channels + c]! : lo;
      rgba[p * 4 + k] = Number.isFinite(v) ? (v - lo) * scale : 0;
    }
    rgba[p * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

/** Class index per pixel from one-hot (or one-channel 0/1) targets. */
export function targetLabels(
  values: ArrayLike<number>,
  pixels: number,
  classes: number,
): Uint8Array {
  const labels = new Uint8Array(pixels);
  for (let p = 0; p < pixels; p++) {
    if (classes === 1) {
      labels[p] = values[p]! > 0.5 ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let k = 1; k < classes; k++)
      if (values[p * classes + k]! > values[p * classes + best]!) best = k;
    labels[p] = best;
  }
  return labels;
}

/** A label mask as a picture: background black, class 1 white, other classes in colour. */
export function maskPicture(labels: ArrayLike<number>, height: number, width: number): Picture {
  const rgba = new Uint8ClampedArray(height * width * 4);
  for (let p = 0; p < height * width; p++) {
    const c = labels[p]!;
    const colour =
      c === 1
        ? ([255, 255, 255] as const)
        : c > 1
          ? CLASS_COLOURS[(c - 1) % 4]!
          : ([0, 0, 0] as const);
    rgba.set([colour[0], colour[1], colour[2], 255], p * 4);
  }
  return { width, height, rgba };
}

/** `labels` (class index per pixel) blended over `image` at `alpha`, one colour per class. */
export function overlayPicture(image: Picture, labels: ArrayLike<number>, alpha = 0.55): Picture {
  const rgba = new Uint8ClampedArray(image.rgba);
  for (let p = 0; p < image.width * image.height; p++) {
    const c = labels[p]!;
    if (c === 0) continue;
    const colour = CLASS_COLOURS[(c - 1) % CLASS_COLOURS.length]!;
    for (let k = 0; k < 3; k++)
      rgba[p * 4 + k] = rgba[p * 4 + k]! * (1 - alpha) + colour[k]! * alpha;
  }
  return { width: image.width, height: image.height, rgba };
}

/** Share of pixels that are not background. */
export function foregroundShare(labels: ArrayLike<number>): number {
  if (labels.length === 0) return 0;
  let n = 0;
  for (let p = 0; p < labels.length; p++) if (labels[p] !== 0) n++;
  return n / labels.length;
}
