/**
 * What a full-size prediction sends back to the app, and the pure steps that make its pixels
 * from the kept probabilities: labels at a threshold, and the mask's grey values for download.
 */
import type { Picture } from '../protocol';
import type { Tiling } from './describeTiling';

/** A full-size prediction as the app receives it (after the run or a new threshold). */
export interface FullPredictionResult {
  readonly width: number;
  readonly height: number;
  /** The mask over the image, one colour per class, at the image's size. */
  readonly overlay: Picture;
  /** Class index per pixel (binary: 0/1), at the image's size. */
  readonly labels: Uint8Array;
  /** Output channels (1 = binary). */
  readonly classes: number;
  /** Share of pixels of any foreground class. */
  readonly foreground: number;
  /** The threshold the labels were taken at (one-class outputs only). */
  readonly threshold: number;
  /** The tiles used; null when the image was resized. */
  readonly tiling: Tiling | null;
  /** `[H, W]` the image was resized to, when resized. */
  readonly resizedTo: readonly [number, number] | null;
  /** Time the network pass took, in seconds (tiles, blending and the first labels). */
  readonly seconds: number;
}

/**
 * Class index per pixel from `classes` probabilities per pixel: one class is `p > threshold`,
 * several take the most probable (the threshold does not apply).
 */
export function labelsAt(
  probabilities: Float32Array,
  classes: number,
  threshold: number,
): Uint8Array {
  const n = Math.floor(probabilities.length / Math.max(1, classes));
  const labels = new Uint8Array(n);
  if (classes === 1) {
    for (let p = 0; p < n; p++) labels[p] = probabilities[p]! > threshold ? 1 : 0;
    return labels;
  }
  for (let p = 0; p < n; p++) {
    let best = 0;
    for (let c = 1; c < classes; c++)
      if (probabilities[p * classes + c]! > probabilities[p * classes + best]!) best = c;
    labels[p] = best;
  }
  return labels;
}

/** The mask file's grey values, as the CLI writes them: 0/255 for one class, else the class index. */
export function maskValues(labels: Uint8Array, classes: number): Uint8Array {
  return classes === 1 ? labels.map((v) => (v > 0 ? 255 : 0)) : labels;
}
