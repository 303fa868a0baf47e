/**
 * The U-Net paper's weight map (Ronneberger et al. 2015, eq. 2):
 *   w(x) = w_c(x) + w0 · exp(−(d1(x) + d2(x))² / (2σ²))
 * w_c balances class frequencies; d1 and d2 are the distances to the nearest and second-nearest
 * object, so thin background gaps between touching objects weigh most. The border term is
 * applied to background pixels (as in the paper's separation borders) and needs two objects.
 */
import type { SegmentationData } from '../data/dataset';
import { sampleSizes } from '../data/dataset';
import { connectedComponents, distanceTransform } from './distanceTransform';

/** Options of the border weight map. */
export interface BorderWeightOptions {
  /** Border weight (paper: 10). */
  readonly w0?: number;
  /** Border width in pixels (paper: 5). */
  readonly sigma?: number;
  /** Balance class frequencies with w_c (default true; false: w_c = 1). */
  readonly balanceClasses?: boolean;
}

/**
 * The weight map of one mask given as class indices (0 = background), `height × width`.
 * Objects are the 4-connected components of the non-background pixels. Cost: one distance
 * transform per object.
 *
 * @returns One weight per pixel, row-major.
 */
export function borderWeightMap(
  labels: ArrayLike<number>,
  height: number,
  width: number,
  options: BorderWeightOptions = {},
): Float32Array {
  const w0 = options.w0 ?? 10;
  const sigma = options.sigma ?? 5;
  const n = height * width;
  if (labels.length !== n)
    throw new Error(`mask holds ${labels.length} pixels, expected ${height}×${width}`);
  const weights = new Float32Array(n);
  // w_c: each class present gets the same total weight; mean weight 1.
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(labels[i]!, (counts.get(labels[i]!) ?? 0) + 1);
  for (let i = 0; i < n; i++) {
    weights[i] = options.balanceClasses === false ? 1 : n / (counts.size * counts.get(labels[i]!)!);
  }
  const { labels: objects, count } = connectedComponents((i) => labels[i]! !== 0, height, width);
  if (count < 2) return weights;
  const d1 = new Float64Array(n).fill(Infinity);
  const d2 = new Float64Array(n).fill(Infinity);
  for (let k = 1; k <= count; k++) {
    const d = distanceTransform((i) => objects[i] === k, height, width);
    for (let i = 0; i < n; i++) {
      const v = d[i]!;
      if (v < d1[i]!) {
        d2[i] = d1[i]!;
        d1[i] = v;
      } else if (v < d2[i]!) d2[i] = v;
    }
  }
  for (let i = 0; i < n; i++) {
    if (labels[i]! !== 0) continue;
    const s = d1[i]! + d2[i]!;
    weights[i] = weights[i]! + w0 * Math.exp(-(s * s) / (2 * sigma * sigma));
  }
  return weights;
}

/** Class index per pixel of sample `n`'s target (binary: y > 0.5; one-hot: argmax). */
export function targetLabels(data: SegmentationData, n: number): Int32Array {
  const { pixels } = sampleSizes(data);
  const k = data.classes === 1 ? 1 : data.classes;
  const y = data.y.subarray(n * pixels * k, (n + 1) * pixels * k);
  const out = new Int32Array(pixels);
  for (let p = 0; p < pixels; p++) {
    if (k === 1) out[p] = y[p]! > 0.5 ? 1 : 0;
    else {
      let best = 0;
      for (let c = 1; c < k; c++) if (y[p * k + c]! > y[p * k + best]!) best = c;
      out[p] = best;
    }
  }
  return out;
}

/**
 * The data set with a border weight map for every sample (1D signals are treated as 1 × L).
 */
export function withBorderWeights(
  data: SegmentationData,
  options: BorderWeightOptions = {},
): SegmentationData {
  const spatial = data.targetShape.slice(0, -1);
  const [height, width] = spatial.length === 2 ? [spatial[0]!, spatial[1]!] : [1, spatial[0]!];
  const { pixels } = sampleSizes(data);
  const weights = new Float32Array(data.count * pixels);
  for (let n = 0; n < data.count; n++) {
    weights.set(borderWeightMap(targetLabels(data, n), height, width, options), n * pixels);
  }
  return { ...data, weights };
}
