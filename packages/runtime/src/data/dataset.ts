/**
 * The in-memory form of a segmentation data set: inputs and targets as flat float32 arrays,
 * sample after sample, channels last. Synthetic generators and image folders both produce it;
 * training, evaluation and prediction consume it.
 */
import * as tf from '@tensorflow/tfjs';
import { permutation } from './random';

/** Samples and their targets, flattened. */
export interface SegmentationData {
  readonly count: number;
  /** One sample's input shape: `[H, W, C]` (2D) or `[L, C]` (1D). */
  readonly inputShape: readonly number[];
  /** One sample's target shape: `[H, W, K]` or `[L, K]`; K = 1 for a binary mask, else one-hot. */
  readonly targetShape: readonly number[];
  /** Classes: 1 means a binary mask (foreground probability); K ≥ 2 means K one-hot channels. */
  readonly classes: number;
  /** `count × inputShape` values. */
  readonly x: Float32Array;
  /** `count × targetShape` values, each 0 or 1. */
  readonly y: Float32Array;
  /** Optional per-pixel loss weights, `count × spatial` values (one per target pixel). */
  readonly weights?: Float32Array;
  /** Optional sample names (file stems), in order. */
  readonly names?: readonly string[];
}

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Values per sample of the input, of the target, and spatial positions per sample. */
export function sampleSizes(data: SegmentationData): {
  input: number;
  target: number;
  pixels: number;
} {
  return {
    input: size(data.inputShape),
    target: size(data.targetShape),
    pixels: size(data.targetShape.slice(0, -1)),
  };
}

/**
 * Checks that the arrays hold exactly what the shapes promise; throws a message naming the
 * mismatch (data sets may come from files, so they are not trusted).
 */
export function validateData(data: SegmentationData): void {
  const s = sampleSizes(data);
  const problems: string[] = [];
  if (!Number.isInteger(data.count) || data.count < 1)
    problems.push(`count must be a positive integer, got ${data.count}`);
  if (data.inputShape.length !== data.targetShape.length) {
    problems.push(
      `input shape [${data.inputShape.join(', ')}] and target shape [${data.targetShape.join(', ')}] differ in rank`,
    );
  } else if (data.inputShape.slice(0, -1).some((d, i) => d !== data.targetShape[i])) {
    problems.push(
      `input [${data.inputShape.join(', ')}] and target [${data.targetShape.join(', ')}] differ in spatial size`,
    );
  }
  const k = data.targetShape[data.targetShape.length - 1];
  if (k !== (data.classes === 1 ? 1 : data.classes))
    problems.push(
      `${data.classes} classes need ${data.classes === 1 ? 1 : data.classes} target channels, got ${k}`,
    );
  if (data.x.length !== data.count * s.input)
    problems.push(`x holds ${data.x.length} values, expected ${data.count * s.input}`);
  if (data.y.length !== data.count * s.target)
    problems.push(`y holds ${data.y.length} values, expected ${data.count * s.target}`);
  if (data.weights !== undefined && data.weights.length !== data.count * s.pixels) {
    problems.push(`weights hold ${data.weights.length} values, expected ${data.count * s.pixels}`);
  }
  if (data.names !== undefined && data.names.length !== data.count)
    problems.push(`${data.names.length} names for ${data.count} samples`);
  if (problems.length > 0) throw new Error(`invalid data set: ${problems.join('; ')}`);
}

/** The samples at `indices`, in that order, as a new data set. */
export function subset(data: SegmentationData, indices: readonly number[]): SegmentationData {
  const s = sampleSizes(data);
  const x = new Float32Array(indices.length * s.input);
  const y = new Float32Array(indices.length * s.target);
  const weights =
    data.weights === undefined ? undefined : new Float32Array(indices.length * s.pixels);
  indices.forEach((src, i) => {
    if (!Number.isInteger(src) || src < 0 || src >= data.count)
      throw new Error(`sample index ${src} is out of range 0…${data.count - 1}`);
    x.set(data.x.subarray(src * s.input, (src + 1) * s.input), i * s.input);
    y.set(data.y.subarray(src * s.target, (src + 1) * s.target), i * s.target);
    weights?.set(data.weights!.subarray(src * s.pixels, (src + 1) * s.pixels), i * s.pixels);
  });
  return {
    ...data,
    count: indices.length,
    x,
    y,
    ...(weights === undefined ? {} : { weights }),
    ...(data.names === undefined ? {} : { names: indices.map((i) => data.names![i]!) }),
  };
}

/**
 * Splits off a validation set: a seeded shuffle, then the last `fraction` of samples (at least
 * one when fraction > 0, and at least one left for training).
 */
export function splitData(
  data: SegmentationData,
  fraction: number,
  seed = 0,
): { train: SegmentationData; validation: SegmentationData | null } {
  if (!(fraction >= 0 && fraction < 1))
    throw new Error(`validation fraction must be in [0, 1), got ${fraction}`);
  if (fraction === 0 || data.count < 2) return { train: data, validation: null };
  const order = permutation(data.count, seed);
  const n = Math.min(data.count - 1, Math.max(1, Math.round(data.count * fraction)));
  return {
    train: subset(data, order.slice(0, data.count - n)),
    validation: subset(data, order.slice(data.count - n)),
  };
}

/** The samples at `indices` (default: all) as tensors `x` `[n, …inputShape]` and `y`, plus weights `w` `[n, …spatial, 1]` when present. */
export function toTensors(
  data: SegmentationData,
  indices?: readonly number[],
): { x: tf.Tensor; y: tf.Tensor; w: tf.Tensor | null } {
  const d = indices === undefined ? data : subset(data, indices);
  const spatial = d.targetShape.slice(0, -1);
  return {
    x: tf.tensor(d.x, [d.count, ...d.inputShape]),
    y: tf.tensor(d.y, [d.count, ...d.targetShape]),
    w: d.weights === undefined ? null : tf.tensor(d.weights, [d.count, ...spatial, 1]),
  };
}

/**
 * Turns class-index labels (one per pixel) into targets: a 0/1 mask for `classes` = 1 (any
 * non-zero label is foreground), one-hot channels otherwise. Labels ≥ classes throw.
 */
export function labelsToTargets(labels: ArrayLike<number>, classes: number): Float32Array {
  if (classes === 1) return Float32Array.from(labels, (v) => (v > 0 ? 1 : 0));
  const out = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (!Number.isInteger(c) || c < 0 || c >= classes)
      throw new Error(`label ${c} at pixel ${i} is not a class index below ${classes}`);
    out[i * classes + c] = 1;
  }
  return out;
}
