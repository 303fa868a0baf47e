/**
 * Seeded synthetic 1D segmentation data for 1D designs: pulses on a noisy, drifting baseline.
 * Binary (every pulse is foreground) or multi-class (class = pulse kind: 1 square, 2 bump,
 * 3 dip), like labelling waves in an ECG trace.
 */
import type { SegmentationData } from './dataset';
import { labelsToTargets } from './dataset';
import { createRandom } from './random';

/** The pulse kinds, in class order. */
export const PULSE_KINDS = ['square', 'bump', 'dip'] as const;

/** Options of {@link makeSyntheticSignals}. */
export interface SyntheticSignalsOptions {
  readonly count: number;
  readonly length: number;
  /** Input channels (the same trace with independent noise per channel). Default 1. */
  readonly channels?: number;
  /** 1 for a binary mask (default), or 2…4. */
  readonly classes?: number;
  readonly seed?: number;
  /** Noise standard deviation (default 0.1). */
  readonly noise?: number;
  /** Pulses per signal: 1 … maxPulses (default 4). */
  readonly maxPulses?: number;
}

/**
 * Generates `count` signals of `length` samples with their per-sample labels.
 *
 * @example const data = makeSyntheticSignals({ count: 128, length: 256, classes: 4 });
 */
export function makeSyntheticSignals(options: SyntheticSignalsOptions): SegmentationData {
  const { count, length } = options;
  const channels = options.channels ?? 1;
  const classes = options.classes ?? 1;
  const noise = options.noise ?? 0.1;
  const maxPulses = options.maxPulses ?? 4;
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`count must be a positive integer, got ${count}`);
  if (!Number.isInteger(length) || length < 16)
    throw new Error(`length must be an integer ≥ 16, got ${length}`);
  if (!Number.isInteger(channels) || channels < 1)
    throw new Error(`channels must be a positive integer, got ${channels}`);
  if (!Number.isInteger(classes) || classes < 1 || classes > PULSE_KINDS.length + 1)
    throw new Error(`classes must be 1 … ${PULSE_KINDS.length + 1}, got ${classes}`);
  const kinds = classes === 1 ? PULSE_KINDS.length : classes - 1;
  const rng = createRandom(options.seed ?? 0);
  const x = new Float32Array(count * length * channels);
  const labels = new Uint8Array(count * length);
  const clean = new Float32Array(length);
  for (let n = 0; n < count; n++) {
    const freq = rng.uniform(0.5, 2) / length;
    const phase = rng.uniform(0, 2 * Math.PI);
    for (let t = 0; t < length; t++) clean[t] = 0.15 * Math.sin(2 * Math.PI * freq * t + phase);
    const lab = labels.subarray(n * length, (n + 1) * length);
    const pulses = rng.int(1, maxPulses + 1);
    for (let p = 0; p < pulses; p++) {
      const kind = rng.int(0, kinds);
      const width = rng.int(
        Math.max(3, Math.round(length * 0.04)),
        Math.max(5, Math.round(length * 0.12)),
      );
      const start = rng.int(0, length - width);
      const amp = rng.uniform(0.7, 1.1);
      for (let t = start; t < start + width; t++) {
        const u = (t - start + 0.5) / width;
        const shape = kind === 0 ? amp : kind === 1 ? amp * Math.sin(Math.PI * u) * 1.2 : -amp;
        clean[t] = clean[t]! + shape;
        lab[t] = classes === 1 ? 1 : kind + 1;
      }
    }
    for (let t = 0; t < length; t++) {
      for (let ch = 0; ch < channels; ch++)
        x[(n * length + t) * channels + ch] = clean[t]! + noise * rng.normal();
    }
  }
  return {
    count,
    inputShape: [length, channels],
    targetShape: [length, classes === 1 ? 1 : classes],
    classes,
    x,
    y: labelsToTargets(labels, classes),
  };
}
