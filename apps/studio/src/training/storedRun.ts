/**
 * A run record of the design turned back into a run the panel can show (curves, preview, final
 * figures) after a reload, and the names runs go by.
 */
import type { RunRecord } from '@unet-studio/compiler';
import type { EpochRecord } from '@unet-studio/runtime';
import type { PreviewSample } from './protocol';
import { BACKENDS, LOSSES, OPTIMIZERS, type TrainSettings } from './settings';
import type { Run } from './trainingState';

/** A run's name: the one the user gave, or its start time and backend. */
export function runName(record: RunRecord): string {
  if (record.name) return record.name;
  return `${record.startedAt.slice(0, 16).replace('T', ' ')} · ${record.backend}`;
}

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The settings a recorded run used, as far as the record says (the rest from defaults). */
export function settingsOfRecord(record: RunRecord): TrainSettings {
  const s = record.settings;
  const size =
    typeof s.size === 'string' && /^\d+(x\d+)*$/.test(s.size)
      ? s.size.split('x').map(Number)
      : [64, 64];
  return {
    source: s.source === 'images' ? 'images' : 'synthetic',
    size,
    samples: num(s.samples, 64),
    batchSize: num(s.batchSize, 4),
    epochs: num(s.epochs, record.epochs.length),
    loss: pick(s.loss, LOSSES, 'bce'),
    optimizer: pick(s.optimizer, OPTIMIZERS, 'adam'),
    learningRate: num(s.learningRate, 0.001),
    threshold: 0.5,
    validationSplit: 0.2,
    backend: pick(record.backend, BACKENDS, 'wasm'),
  };
}

/** The panel's run for `record`, with the stored preview (empty when none was kept). */
export function runOfRecord(
  record: RunRecord,
  preview: readonly PreviewSample[],
  savedEpoch: number | null,
): Run {
  const settings = settingsOfRecord(record);
  const epochs: EpochRecord[] = record.epochs.map((e) => ({
    ...e,
    dice: e.dice ?? Number.NaN,
    iou: e.iou ?? Number.NaN,
    valMetrics: null,
    learningRate: settings.learningRate,
    seconds: 0,
    imagesPerSecond: 0,
  }));
  return {
    id: record.id,
    startedAt: record.startedAt,
    settings,
    estimate: null,
    backend: { name: record.backend, summary: record.backend, software: false, notes: [] },
    progress: null,
    epochs,
    preview,
    savedEpoch,
  };
}

/**
 * The settings to continue `record` with: its own data size, samples, batch size, loss, optimizer
 * and learning rate (so the run goes on as it was), with the epochs, backend, threshold and
 * validation share set now in `current`. Own images are read at the size set now, so a run on own
 * images continues with `current` as it is.
 */
export function continueSettings(record: RunRecord, current: TrainSettings): TrainSettings {
  if (current.source === 'images' || record.settings.source === 'images') return current;
  const { size, samples, batchSize, loss, optimizer, learningRate } = settingsOfRecord(record);
  return { ...current, size, samples, batchSize, loss, optimizer, learningRate };
}
