import type { BatchProgress, EpochRecord } from '@unet-studio/runtime';
import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings';
import {
  isLive,
  runOf,
  trainingReducer,
  type TrainingEvent,
  type TrainingState,
} from './trainingState';
import { zTrainingSpec } from '@unet-studio/compiler';

const settings = defaultSettings(
  { size: [32, 32], channels: 3, classes: 1 },
  zTrainingSpec.parse({}),
);
const start: TrainingEvent = {
  type: 'start',
  id: 'r1',
  startedAt: '2025-01-01T00:00:00Z',
  settings,
  estimate: null,
};
const progress = (epoch: number, batch: number): BatchProgress => ({
  epoch,
  epochs: 2,
  batch,
  batches: 3,
  loss: 0.5,
  dice: 0.1,
  imagesPerSecond: 4,
  etaSeconds: 10,
  learningRate: 1e-3,
});
const record = (epoch: number, loss: number): EpochRecord => ({
  epoch,
  loss,
  dice: 0.2,
  iou: 0.1,
  valLoss: loss,
  valDice: 0.2,
  valIoU: 0.1,
  valMetrics: null,
  learningRate: 1e-3,
  seconds: 1,
  imagesPerSecond: 4,
});
const run = (...events: TrainingEvent[]): TrainingState =>
  events.reduce(trainingReducer, { phase: 'idle' } as TrainingState);

describe('trainingReducer', () => {
  it('goes starting → warming (GPU kernels) → training on the first batch', () => {
    expect(run(start).phase).toBe('starting');
    expect(run(start, { type: 'warming' }).phase).toBe('warming');
    const s = run(start, { type: 'warming' }, { type: 'batch', progress: progress(1, 1) });
    expect(s.phase).toBe('training');
    expect(runOf(s)?.progress?.batch).toBe(1);
  });

  it('collects epochs, the preview and the saved epoch', () => {
    const s = run(
      start,
      { type: 'batch', progress: progress(1, 3) },
      { type: 'epoch', record: record(1, 0.7), preview: [] },
      { type: 'saved', epoch: 1 },
      { type: 'epoch', record: record(2, 0.4), preview: [] },
    );
    expect(runOf(s)?.epochs.map((e) => e.loss)).toEqual([0.7, 0.4]);
    expect(runOf(s)?.savedEpoch).toBe(1);
  });

  it('pauses and resumes only from the right phases', () => {
    const training = run(start, { type: 'batch', progress: progress(1, 1) });
    const paused = trainingReducer(training, { type: 'paused' });
    expect(paused.phase).toBe('paused');
    expect(trainingReducer(paused, { type: 'resumed' }).phase).toBe('training');
    expect(trainingReducer(run(start), { type: 'paused' }).phase).toBe('starting');
  });

  it('stopping keeps the epochs so far and ends as stopped', () => {
    const s = run(
      start,
      { type: 'batch', progress: progress(1, 3) },
      { type: 'epoch', record: record(1, 0.7), preview: [] },
      { type: 'stop' },
    );
    expect(s.phase).toBe('stopping');
    const done = trainingReducer(s, { type: 'done', status: 'stopped' });
    expect(done).toMatchObject({ phase: 'finished', status: 'stopped' });
    expect(runOf(done)?.epochs).toHaveLength(1);
  });

  it('a failure keeps the run and says why', () => {
    const s = run(start, { type: 'failed', kind: 'nan', message: 'the loss became NaN' });
    expect(s).toMatchObject({ phase: 'failed', kind: 'nan', message: 'the loss became NaN' });
    expect(isLive(s)).toBe(false);
  });

  it('ignores a second start while live and reports after the end', () => {
    const live = run(start, { type: 'batch', progress: progress(1, 1) });
    expect(trainingReducer(live, { ...start, id: 'r2' })).toBe(live);
    const done = trainingReducer(live, { type: 'done', status: 'completed' });
    expect(trainingReducer(done, { type: 'batch', progress: progress(2, 1) })).toBe(done);
    expect(trainingReducer(done, { type: 'reset' })).toEqual({ phase: 'idle' });
    expect(trainingReducer(live, { type: 'reset' })).toBe(live);
  });

  it('a new run after a finished one starts clean', () => {
    const done = run(
      start,
      { type: 'epoch', record: record(1, 0.7), preview: [] },
      { type: 'done', status: 'completed' },
    );
    const again = trainingReducer(done, { ...start, id: 'r2' });
    expect(again.phase).toBe('starting');
    expect(runOf(again)).toMatchObject({ id: 'r2', epochs: [], savedEpoch: null });
  });
});
