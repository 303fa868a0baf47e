/**
 * The ETA of a live run, from the run's own step times as the panel receives them. The first
 * steps are left out (kernels compiled, memory allotted: far slower than the rest), a pause is
 * not counted as a step, and the time between epochs (validation, preview, saving the weights)
 * is measured from the gap between an epoch's last batch and the next one's first. Only the
 * latest steps and epoch ends count, so the figure follows a machine that slows down or speeds up
 * (another program starting, a laptop on battery).
 */
import type { BatchProgress } from '@unet-studio/runtime';

/** Steps of a run left out of the step time (the warm-up). */
export const WARMUP_STEPS = 2;
/** Latest steps averaged: an epoch's worth, at least this many… */
export const MIN_RECENT_STEPS = 16;
/** …and at most this many. */
export const MAX_RECENT_STEPS = 64;
/** Latest epoch ends averaged. */
export const RECENT_GAPS = 3;

/** One batch report and when it arrived (milliseconds). */
export interface BatchMark {
  readonly epoch: number;
  readonly batch: number;
  readonly batches: number;
  readonly epochs: number;
  readonly at: number;
  /** True when the run was paused since the previous mark: the gap is not a step. */
  readonly afterPause: boolean;
}

/** The latest step times and epoch gaps: bounded, so each batch costs the same. */
export interface EtaStats {
  readonly last: BatchMark | null;
  /** Seconds of the latest steps (warm-up left out), oldest first. */
  readonly steps: readonly number[];
  /** Seconds between an epoch's last batch and the next epoch's first, oldest first. */
  readonly gaps: readonly number[];
  /** Epoch changes seen (the first one also compiles the validation's kernels). */
  readonly gapCount: number;
}

/** Nothing measured yet. */
export const NO_STATS: EtaStats = { last: null, steps: [], gaps: [], gapCount: 0 };

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** The run's step number (1-based) of a mark. */
const stepOf = (m: BatchMark): number => (m.epoch - 1) * m.batches + m.batch;

/** `stats` with the mark `b` added. */
export function addMark(stats: EtaStats, b: BatchMark): EtaStats {
  const a = stats.last;
  if (a === null || b.afterPause || stepOf(b) !== stepOf(a) + 1) return { ...stats, last: b };
  const seconds = (b.at - a.at) / 1000;
  if (b.epoch !== a.epoch) {
    // The first epoch's end is dropped once a later one is known.
    const kept = stats.gapCount === 1 ? [] : stats.gaps;
    const gaps = [...kept, seconds].slice(-RECENT_GAPS);
    return { ...stats, last: b, gaps, gapCount: stats.gapCount + 1 };
  }
  if (stepOf(b) <= WARMUP_STEPS) return { ...stats, last: b };
  const window = Math.min(MAX_RECENT_STEPS, Math.max(MIN_RECENT_STEPS, b.batches));
  return { ...stats, last: b, steps: [...stats.steps, seconds].slice(-window) };
}

/**
 * Seconds left after the latest mark, or null while too few steps were measured (the caller then
 * keeps its own figure).
 *
 * @example etaOf(marks.reduce(addMark, NO_STATS)) // 42.5
 */
export function etaOf(stats: EtaStats): number | null {
  const last = stats.last;
  if (last === null) return null;
  const gapMean = mean(stats.gaps);
  const step = mean(stats.steps);
  const stepsLeft = last.epochs * last.batches - stepOf(last);
  const endsLeft = last.epochs - last.epoch + 1;
  if (step === null) {
    // With one batch per epoch every gap is a step plus an epoch's end: time whole epochs, and
    // count the last epoch's end (not told apart from its step) as half a gap.
    if (last.batches !== 1 || gapMean === null) return null;
    return (stepsLeft + 0.5) * gapMean;
  }
  // An epoch's end is the gap less the step it holds; none is measured during the first epoch.
  const epochEnd = gapMean === null ? 0 : Math.max(0, gapMean - step);
  return stepsLeft * step + endsLeft * epochEnd;
}

/** Collects a run's batch marks and answers its ETA. */
export interface EtaTracker {
  /** A new run starts. */
  reset(): void;
  /** The run was paused: the next gap is not a step. */
  paused(): void;
  /** Records `progress` arriving at `at` (ms) and returns the ETA to show, in seconds. */
  batch(progress: BatchProgress, at: number): number;
}

/** A tracker; until the run's own steps are measured it passes the runtime's ETA through. */
export function createEtaTracker(): EtaTracker {
  let stats = NO_STATS;
  let afterPause = false;
  return {
    reset() {
      stats = NO_STATS;
      afterPause = false;
    },
    paused() {
      afterPause = true;
    },
    batch(p, at) {
      const { epoch, batch, batches, epochs } = p;
      stats = addMark(stats, { epoch, batch, batches, epochs, at, afterPause });
      afterPause = false;
      return etaOf(stats) ?? p.etaSeconds;
    },
  };
}
