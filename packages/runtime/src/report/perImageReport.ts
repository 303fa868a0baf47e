/**
 * The per-image report of a model on a data set: Dice and IoU of every image, worst first (the
 * images to look at), and the pixel confusion matrix over classes. A model that gives NaN or
 * infinite outputs is reported as failed, never with made-up scores.
 */
import * as tf from '@tensorflow/tfjs';
import { headOf, predict } from '../build/predict';
import type { SegmentationData } from '../data/dataset';
import { sampleSizes, toTensors } from '../data/dataset';

/** One image's scores. */
export interface ImageScore {
  /** Index in the data set. */
  readonly index: number;
  readonly name: string;
  /** Mean over the foreground classes present in truth or prediction (1 when neither has any); NaN when the output was not finite. */
  readonly dice: number;
  readonly iou: number;
  readonly pixelAccuracy: number;
  /** True when the model's output for this image held NaN or infinite values. */
  readonly nonFinite: boolean;
}

/** What {@link perImageReport} returns. */
export interface PerImageReport {
  /** Every image, worst first (non-finite outputs, then lowest Dice). */
  readonly images: readonly ImageScore[];
  /** `confusion[t][p]`: pixels of true class t predicted as p (binary: 2 × 2, background first). */
  readonly confusion: readonly (readonly number[])[];
  /** Mean of the per-image Dice (NaN when any image failed). */
  readonly meanDice: number;
  /** False when some output was NaN or infinite: the scores are then not a success. */
  readonly ok: boolean;
}

/** Dice and IoU of label arrays over foreground classes 1…K−1, per the rule above. */
function scores(truth: Uint8Array, pred: Uint8Array, k: number): { dice: number; iou: number } {
  let dice = 0;
  let iou = 0;
  let counted = 0;
  for (let c = 1; c < k; c++) {
    let tp = 0;
    let t = 0;
    let p = 0;
    for (let i = 0; i < truth.length; i++) {
      const a = truth[i] === c;
      const b = pred[i] === c;
      if (a) t++;
      if (b) p++;
      if (a && b) tp++;
    }
    if (t + p === 0) continue;
    dice += (2 * tp) / (t + p);
    iou += tp / (t + p - tp);
    counted++;
  }
  return counted === 0 ? { dice: 1, iou: 1 } : { dice: dice / counted, iou: iou / counted };
}

/**
 * Scores every image of `data` with `model`.
 *
 * @example const r = await perImageReport(model, data); r.images[0] // the worst image
 */
export async function perImageReport(
  model: tf.LayersModel,
  data: SegmentationData,
  options: { batchSize?: number; threshold?: number } = {},
): Promise<PerImageReport> {
  const k = Math.max(2, data.classes);
  const pixels = sampleSizes(data).pixels;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const images: ImageScore[] = [];
  const batch = options.batchSize ?? 8;
  const head = headOf(model);
  for (let start = 0; start < data.count; start += batch) {
    const indices = Array.from(
      { length: Math.min(batch, data.count - start) },
      (_, i) => start + i,
    );
    const t = toTensors(data, indices);
    const { probabilities, mask } = predict(model, t.x, {
      head,
      ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    });
    const truthT =
      data.classes === 1 ? tf.tidy(() => t.y.greater(0.5).squeeze([-1])) : t.y.argMax(-1);
    const [probs, labels, truths] = await Promise.all([
      probabilities.data(),
      mask.data(),
      truthT.data(),
    ]);
    tf.dispose([t.x, t.y, t.w ?? [], probabilities, mask, truthT]);
    const perImage = probs.length / indices.length;
    indices.forEach((index, j) => {
      const pred = Uint8Array.from(labels.subarray(j * pixels, (j + 1) * pixels));
      const truth = Uint8Array.from(truths.subarray(j * pixels, (j + 1) * pixels));
      const nonFinite = probs
        .subarray(j * perImage, (j + 1) * perImage)
        .some((v) => !Number.isFinite(v));
      let right = 0;
      for (let i = 0; i < pixels; i++) {
        confusion[truth[i]!]![pred[i]!]! += 1;
        if (truth[i] === pred[i]) right++;
      }
      const s = nonFinite ? { dice: NaN, iou: NaN } : scores(truth, pred, k);
      images.push({
        index,
        name: data.names?.[index] ?? `#${index + 1}`,
        ...s,
        pixelAccuracy: nonFinite ? NaN : right / pixels,
        nonFinite,
      });
    });
  }
  const rank = (s: ImageScore) => (s.nonFinite ? -1 : s.dice);
  images.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  const ok = images.every((s) => !s.nonFinite);
  return {
    images,
    confusion,
    meanDice: ok ? images.reduce((a, s) => a + s.dice, 0) / Math.max(1, images.length) : NaN,
    ok,
  };
}
