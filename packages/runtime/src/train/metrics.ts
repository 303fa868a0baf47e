/**
 * Segmentation metrics: Dice, IoU and pixel accuracy, overall and per class. Predictions are
 * hardened first (binary: probability > threshold; multi-class: argmax), then true/false
 * positive counts are summed over a whole data set before any ratio is taken, so the result
 * does not depend on batch size.
 */
import * as tf from '@tensorflow/tfjs';
import type { HeadActivation } from './losses';

/** Summed counts for K classes (binary: K = 1, the foreground). */
export interface ConfusionCounts {
  readonly tp: readonly number[];
  readonly fp: readonly number[];
  readonly fn: readonly number[];
  readonly correct: number;
  readonly total: number;
}

/** One class's scores; null when the class appears in neither truth nor prediction. */
export interface ClassScores {
  readonly classIndex: number;
  readonly dice: number | null;
  readonly iou: number | null;
}

/** The metrics of a data set. */
export interface SegmentationMetrics {
  /** Mean Dice over the foreground classes that appear (binary: the foreground's Dice). */
  readonly dice: number;
  /** Mean IoU over the same classes. */
  readonly iou: number;
  readonly pixelAccuracy: number;
  /** Every class, background (index 0) included for multi-class data. */
  readonly perClass: readonly ClassScores[];
}

/**
 * Counts for one batch. `yPred` is the model's raw output for a head with `head` activation.
 * Returns a tensor `[3·K + 1]`: tp (K), predicted positives (K), true positives+negatives
 * (K, i.e. truth sums), correct pixels; read it with {@link readCounts}.
 */
export function countsTensor(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  head: HeadActivation,
  classes: number,
  threshold = 0.5,
): tf.Tensor1D {
  return tf.tidy(() => {
    const axes = Array.from({ length: yPred.rank - 1 }, (_, i) => i);
    let hard: tf.Tensor;
    if (classes === 1) {
      const cut = head === 'none' ? Math.log(threshold / (1 - threshold)) : threshold;
      hard = tf.cast(tf.greater(yPred, cut), 'float32');
    } else {
      hard = tf.oneHot(tf.argMax(yPred, -1), classes).toFloat();
    }
    const tp = tf.sum(tf.mul(hard, yTrue), axes);
    const predicted = tf.sum(hard, axes);
    const truth = tf.sum(yTrue, axes);
    const correct = classes === 1 ? tf.sum(tf.cast(tf.equal(hard, yTrue), 'float32')) : tf.sum(tp);
    return tf.concat([tp, predicted, truth, tf.reshape(correct, [1])]) as tf.Tensor1D;
  });
}

/** Turns {@link countsTensor}'s values into counts; `pixels` is the batch's pixel count. */
export function readCounts(
  values: ArrayLike<number>,
  classes: number,
  pixels: number,
): ConfusionCounts {
  const k = classes === 1 ? 1 : classes;
  const tp: number[] = [];
  const fp: number[] = [];
  const fn: number[] = [];
  for (let c = 0; c < k; c++) {
    tp.push(values[c]!);
    fp.push(values[k + c]! - values[c]!);
    fn.push(values[2 * k + c]! - values[c]!);
  }
  return { tp, fp, fn, correct: values[3 * k]!, total: pixels };
}

/** Sums two sets of counts (either may be null). */
export function addCounts(a: ConfusionCounts | null, b: ConfusionCounts): ConfusionCounts {
  if (a === null) return b;
  const add = (x: readonly number[], y: readonly number[]) => x.map((v, i) => v + (y[i] ?? 0));
  return {
    tp: add(a.tp, b.tp),
    fp: add(a.fp, b.fp),
    fn: add(a.fn, b.fn),
    correct: a.correct + b.correct,
    total: a.total + b.total,
  };
}

/** Dice, IoU and accuracy from summed counts. */
export function metricsFromCounts(counts: ConfusionCounts): SegmentationMetrics {
  const k = counts.tp.length;
  const perClass: ClassScores[] = counts.tp.map((tp, c) => {
    const fp = counts.fp[c]!;
    const fn = counts.fn[c]!;
    const any = tp + fp + fn > 0;
    return {
      classIndex: k === 1 ? 1 : c,
      dice: any ? (2 * tp) / (2 * tp + fp + fn) : null,
      iou: any ? tp / (tp + fp + fn) : null,
    };
  });
  const foreground = k === 1 ? perClass : perClass.slice(1);
  const mean = (pick: (s: ClassScores) => number | null): number => {
    const vals = foreground.map(pick).filter((v): v is number => v !== null);
    // No foreground anywhere, predicted or true: a perfect empty segmentation.
    return vals.length === 0 ? 1 : vals.reduce((s, v) => s + v, 0) / vals.length;
  };
  return {
    dice: mean((s) => s.dice),
    iou: mean((s) => s.iou),
    pixelAccuracy: counts.total === 0 ? 0 : counts.correct / counts.total,
    perClass,
  };
}

/** Metrics of one prediction batch (convenience for tests and single images). */
export function segmentationMetrics(
  yTrue: tf.Tensor,
  yPred: tf.Tensor,
  head: HeadActivation,
  classes: number,
  threshold = 0.5,
): SegmentationMetrics {
  const pixels = yTrue.size / yTrue.shape[yTrue.rank - 1]!;
  const t = countsTensor(yTrue, yPred, head, classes, threshold);
  const values = t.dataSync();
  t.dispose();
  return metricsFromCounts(readCounts(values, classes, pixels));
}
