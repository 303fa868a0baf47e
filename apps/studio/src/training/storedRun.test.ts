import type { RunRecord } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { continueSettings, runName, runOfRecord, settingsOfRecord } from './storedRun';
import { trainingReducer } from './trainingState';

const record: RunRecord = {
  id: 'run-1',
  startedAt: '2026-12-05T10:20:30.000Z',
  backend: 'wasm',
  epochs: [
    { epoch: 1, loss: 0.6, dice: 0.4, iou: null, valLoss: 0.7, valDice: 0.3, valIoU: 0.2 },
    { epoch: 2, loss: 0.4, dice: 0.6, iou: 0.5, valLoss: 0.5, valDice: 0.5, valIoU: 0.4 },
  ],
  settings: {
    source: 'synthetic',
    size: '32x32',
    samples: 24,
    batchSize: 4,
    epochs: 5,
    loss: 'dice',
    optimizer: 'sgd',
    learningRate: 0.003,
  },
};

describe('stored runs shown again', () => {
  it('names a run by its given name, else by its start and backend', () => {
    expect(runName(record)).toBe('2026-12-05 10:20 · wasm');
    expect(runName({ ...record, name: 'Baseline' })).toBe('Baseline');
  });

  it('reads the settings back from the record, with defaults for what it lacks', () => {
    expect(settingsOfRecord(record)).toMatchObject({
      size: [32, 32],
      samples: 24,
      epochs: 5,
      loss: 'dice',
      optimizer: 'sgd',
      backend: 'wasm',
    });
    const odd = settingsOfRecord({
      ...record,
      backend: 'server',
      settings: { size: 'big', loss: 'nope' },
    });
    expect(odd).toMatchObject({ size: [64, 64], loss: 'bce', backend: 'wasm', epochs: 2 });
  });

  it('shows a stored run as finished, stopped when it ran fewer epochs than set', () => {
    const run = runOfRecord(record, [], 2);
    const state = trainingReducer({ phase: 'idle' }, { type: 'restore', run });
    expect(state).toMatchObject({ phase: 'finished', status: 'stopped' });
    expect(state.phase === 'finished' && state.run.epochs.map((e) => e.loss)).toEqual([0.6, 0.4]);
    const full = runOfRecord({ ...record, settings: { ...record.settings, epochs: 2 } }, [], 2);
    expect(trainingReducer(state, { type: 'restore', run: full })).toMatchObject({
      status: 'completed',
    });
    // A live run is never replaced.
    const live = trainingReducer(
      { phase: 'idle' },
      { type: 'start', id: 'r2', startedAt: '', settings: full.settings, estimate: null },
    );
    expect(trainingReducer(live, { type: 'restore', run })).toBe(live);
  });

  it('continues a run with its own data settings and the epochs and backend set now', () => {
    const now = { ...settingsOfRecord(record), size: [128, 128], samples: 64, epochs: 3 };
    const next = continueSettings(record, { ...now, backend: 'cpu', learningRate: 0.1 });
    expect(next).toMatchObject({ size: [32, 32], samples: 24, learningRate: 0.003 });
    expect(next).toMatchObject({ epochs: 3, backend: 'cpu' });
    const images = { ...now, source: 'images' as const };
    expect(continueSettings(record, images)).toBe(images);
  });
});
