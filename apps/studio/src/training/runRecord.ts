/**
 * A run as the design keeps it (`design.runs`), so runs can be compared side by side later.
 */
import type { Design, RunRecord } from '@unet-studio/compiler';
import type { Run } from './trainingState';

/** Runs a design keeps; the oldest are dropped beyond this. */
export const MAX_RUNS = 20;

/** The record of `run` (its epochs so far and its settings). */
export function runRecordOf(run: Run): RunRecord {
  const s = run.settings;
  return {
    id: run.id,
    startedAt: run.startedAt,
    backend: (run.backend?.name ?? 'unknown').slice(0, 16),
    epochs: run.epochs.map((e) => ({
      epoch: e.epoch,
      loss: e.loss,
      dice: e.dice,
      iou: e.iou,
      valLoss: e.valLoss,
      valDice: e.valDice,
      valIoU: e.valIoU,
    })),
    settings: {
      source: s.source,
      size: s.size.join('x'),
      samples: s.samples,
      batchSize: s.batchSize,
      epochs: s.epochs,
      loss: s.loss,
      optimizer: s.optimizer,
      learningRate: s.learningRate,
    },
  };
}

/** `design` with `record` added (replacing a record of the same id), keeping the last {@link MAX_RUNS}. */
export function withRun(design: Design, record: RunRecord): Design {
  const runs = [...design.runs.filter((r) => r.id !== record.id), record].slice(-MAX_RUNS);
  return { ...design, runs };
}
