/**
 * What a run reports, as the server streams it (Server-Sent Events, one event name per kind) and
 * how train.py's output lines become those events.
 */
import { z } from 'zod';
import type { RunRecord } from './runRecord';

/** Progress after one training batch (rank 0's batch; images/s counts every process). */
export interface BatchEvent {
  readonly epoch: number;
  readonly epochs: number;
  readonly batch: number;
  readonly batches: number;
  readonly loss: number;
  readonly dice: number;
  readonly imagesPerSecond: number;
  readonly learningRate: number;
  /** Estimated seconds to the end of the run. */
  readonly etaSeconds: number;
}

const zBatchLine = z.object({
  epoch: z.number(),
  epochs: z.number(),
  batch: z.number(),
  batches: z.number(),
  loss: z.number(),
  dice: z.number(),
  imagesPerSecond: z.number(),
  learningRate: z.number(),
});

/** One finished epoch, as train.py prints it and metrics.jsonl keeps it. */
export const zEpochLine = z.object({
  epoch: z.number().int(),
  loss: z.number(),
  dice: z.number(),
  iou: z.number(),
  valLoss: z.number().optional(),
  valDice: z.number().optional(),
  valIoU: z.number().optional(),
  learningRate: z.number().optional(),
  seconds: z.number().optional(),
  imagesPerSecond: z.number().optional(),
  /** The preview file of this epoch, in the run's previews folder. */
  preview: z.string().optional(),
});
/** An epoch record. */
export type EpochLine = z.infer<typeof zEpochLine>;

/** One previewed validation sample: pixels, channels first, and classes per pixel. */
export interface PreviewSampleData {
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly image: readonly number[];
  readonly truth: readonly number[];
  readonly mask: readonly number[];
  readonly foreground: number;
}

/** The preview file train.py writes each epoch. */
export interface PreviewData {
  readonly epoch: number;
  readonly classes: number;
  readonly samples: readonly PreviewSampleData[];
}

/** Everything a run streams. */
export type RunEvent =
  | { readonly type: 'status'; readonly run: RunRecord }
  | { readonly type: 'batch'; readonly progress: BatchEvent }
  | { readonly type: 'epoch'; readonly record: EpochLine }
  | { readonly type: 'preview'; readonly preview: PreviewData }
  | { readonly type: 'log'; readonly line: string };

/** A line of train.py's standard output, classified. */
export type TrainLine =
  | { readonly kind: 'batch'; readonly line: z.infer<typeof zBatchLine> }
  | { readonly kind: 'epoch'; readonly line: EpochLine }
  | { readonly kind: 'text'; readonly line: string };

/** Classifies one output line: a batch progress line, an epoch record, or text for the log. */
export function parseTrainLine(text: string): TrainLine {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return { kind: 'text', line: text };
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return { kind: 'text', line: text };
  }
  const batch = zBatchLine.safeParse(json);
  if (batch.success) return { kind: 'batch', line: batch.data };
  const epoch = zEpochLine.safeParse(json);
  if (epoch.success) return { kind: 'epoch', line: epoch.data };
  return { kind: 'text', line: text };
}

/**
 * Adds the ETA to a batch line: the time per batch so far in this epoch, times the batches left
 * in the run.
 *
 * @param epochStartedMs when this epoch's first batch began (wall clock, ms).
 */
export function withEta(
  line: z.infer<typeof zBatchLine>,
  epochStartedMs: number,
  nowMs: number,
): BatchEvent {
  const perBatch = (nowMs - epochStartedMs) / 1000 / Math.max(line.batch, 1);
  const left = line.batches - line.batch + (line.epochs - line.epoch) * line.batches;
  return { ...line, etaSeconds: Math.max(0, perBatch * left) };
}
