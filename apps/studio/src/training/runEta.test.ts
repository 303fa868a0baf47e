import type { BatchProgress } from '@unet-studio/runtime';
import { describe, expect, it } from 'vitest';
import { createEtaTracker } from './runEta';

/** A run's batch reports and when each arrives (ms), with its actual end time. */
interface Timeline {
  readonly reports: { progress: BatchProgress; at: number }[];
  readonly end: number;
}

/**
 * A synthetic run: the first step takes `warmup` s, later steps `step` s, each epoch's end
 * (validation, preview, save) `epochEnd` s, the first one `firstEpochEnd` s; `pauseAt` adds a
 * 60 s pause after that step.
 */
function timeline(o: {
  epochs: number;
  batches: number;
  warmup: number;
  step: number;
  epochEnd: number;
  firstEpochEnd?: number;
  pauseAt?: number;
  /** From this epoch on, steps and epoch ends take `slowdown` times as long. */
  slowFrom?: number;
  slowdown?: number;
}): Timeline {
  const reports: Timeline['reports'] = [];
  let t = 5_000;
  let n = 0;
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    for (let batch = 1; batch <= o.batches; batch++) {
      n++;
      const f = epoch >= (o.slowFrom ?? Infinity) ? (o.slowdown ?? 1) : 1;
      t += 1000 * (n === 1 ? o.warmup : o.step * f);
      const progress: BatchProgress = {
        ...{ epoch, epochs: o.epochs, batch, batches: o.batches, loss: 1, dice: 0 },
        ...{ imagesPerSecond: 1, etaSeconds: -1, learningRate: 1e-3 },
      };
      reports.push({ progress, at: t });
      if (n === o.pauseAt) t += 60_000;
    }
    const f = epoch >= (o.slowFrom ?? Infinity) ? (o.slowdown ?? 1) : 1;
    t += 1000 * (epoch === 1 ? (o.firstEpochEnd ?? o.epochEnd) : o.epochEnd * f);
  }
  return { reports, end: t };
}

/** The ETA shown at each report and the actual seconds left then. */
function shown(run: Timeline, pauseAt?: number) {
  const tracker = createEtaTracker();
  return run.reports.map(({ progress, at }, i) => {
    if (pauseAt !== undefined && i === pauseAt) tracker.paused();
    return { progress, eta: tracker.batch(progress, at), actual: (run.end - at) / 1000 };
  });
}

describe('the run ETA', () => {
  it('matches the remaining time after the first epoch, leaving out the slow first step and epoch end', () => {
    const run = timeline({
      ...{ epochs: 10, batches: 5, warmup: 20, step: 0.5 },
      ...{ epochEnd: 2, firstEpochEnd: 3 },
    });
    for (const { progress, eta, actual } of shown(run)) {
      if (progress.epoch < 3) continue;
      expect(Math.abs(eta - actual)).toBeLessThan(0.01 * actual + 1e-6);
    }
    // In the second epoch only the first (slower) epoch end is known: still within 30 %.
    for (const { eta, actual } of shown(run).filter((r) => r.progress.epoch === 2))
      expect(Math.abs(eta - actual)).toBeLessThan(0.3 * actual);
  });

  it("keeps the runtime's figure until steps after the warm-up are measured", () => {
    const run = timeline({ epochs: 2, batches: 4, warmup: 20, step: 0.5, epochEnd: 1 });
    const first = shown(run).slice(0, 2);
    expect(first.map((r) => r.eta)).toEqual([-1, -1]);
    expect(shown(run)[2]!.eta).toBeGreaterThan(0);
  });

  it('does not count a pause as a step', () => {
    const run = timeline({
      ...{ epochs: 4, batches: 5, warmup: 10, step: 1, epochEnd: 1 },
      pauseAt: 7,
    });
    const rows = shown(run, 7);
    const after = rows[8]!;
    // Without the pause left out, the mean step would be many times too long.
    expect(Math.abs(after.eta - after.actual)).toBeLessThan(0.05 * after.actual);
  });

  it('times whole epochs when an epoch has a single batch', () => {
    const run = timeline({ epochs: 6, batches: 1, warmup: 10, step: 1, epochEnd: 2 });
    const rows = shown(run);
    // Each gap is a step and an epoch's end; the last epoch's end is not split out of it.
    for (const { eta, actual } of rows.slice(2))
      expect(Math.abs(eta - actual)).toBeLessThan(0.3 * actual);
  });

  it('follows a machine that slows down, from the latest steps and epoch ends', () => {
    const run = timeline({
      ...{ epochs: 12, batches: 20, warmup: 5, step: 0.5, epochEnd: 2 },
      ...{ slowFrom: 4, slowdown: 2 },
    });
    const rows = shown(run).filter((r) => r.progress.epoch >= 8);
    expect(rows.length).toBeGreaterThan(0);
    for (const { eta, actual } of rows) expect(Math.abs(eta - actual)).toBeLessThan(0.05 * actual);
  });
});
