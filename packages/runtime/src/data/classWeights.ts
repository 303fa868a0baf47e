/**
 * Class weights for imbalanced masks, as per-pixel loss weights: each pixel weighs what its
 * true class weighs. `inverse` gives every class the same total weight (median-frequency
 * balancing without the median: weight_c = pixels / (classes × pixels of c), classes absent from
 * the data get 0); manual weights are given per class. The weighted losses (`weighted_bce`,
 * `weighted_ce`) use them in place of the border weight map.
 */
import type { SegmentationData } from './dataset';
import { sampleSizes } from './dataset';

/** `none`, `inverse` (inverse frequency) or one weight per class (background first). */
export type ClassWeighting = 'none' | 'inverse' | readonly number[];

/** The true class of pixel `p` of the flat targets (binary: 0/1; one-hot: the hot channel). */
function classAt(data: SegmentationData, p: number, k: number): number {
  if (k === 1) return data.y[p]! > 0.5 ? 1 : 0;
  for (let c = 0; c < k; c++) if (data.y[p * k + c]! > 0.5) return c;
  return 0;
}

/** Pixels of each class (binary data counts background and foreground). */
export function classPixelCounts(data: SegmentationData): number[] {
  const k = data.targetShape[data.targetShape.length - 1]!;
  const counts = new Array<number>(Math.max(2, k)).fill(0);
  const total = data.count * sampleSizes(data).pixels;
  for (let p = 0; p < total; p++) counts[classAt(data, p, k)]! += 1;
  return counts;
}

/**
 * The weight of each class under `weighting`.
 *
 * @throws when manual weights do not give one non-negative finite number per class.
 */
export function classWeightsOf(data: SegmentationData, weighting: ClassWeighting): number[] {
  const counts = classPixelCounts(data);
  if (weighting === 'none') return counts.map(() => 1);
  if (weighting === 'inverse') {
    const total = counts.reduce((a, b) => a + b, 0);
    return counts.map((n) => (n === 0 ? 0 : total / (counts.length * n)));
  }
  if (weighting.length !== counts.length || weighting.some((w) => !(w >= 0 && Number.isFinite(w))))
    throw new Error(
      `class weights need ${counts.length} non-negative numbers (background first), got ${weighting.join(', ')}`,
    );
  return [...weighting];
}

/** `data` with per-pixel weights from its class weights (`none` leaves it as it is). */
export function withClassWeights(
  data: SegmentationData,
  weighting: ClassWeighting,
): SegmentationData {
  if (weighting === 'none') return data;
  const weights = classWeightsOf(data, weighting);
  const k = data.targetShape[data.targetShape.length - 1]!;
  const total = data.count * sampleSizes(data).pixels;
  const w = new Float32Array(total);
  for (let p = 0; p < total; p++) w[p] = weights[classAt(data, p, k)]!;
  return { ...data, weights: w };
}
