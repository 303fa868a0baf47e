import type { BatchProgress } from '@unet-studio/runtime';
import { zTrainingSpec } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { phaseText, progressText } from './format';
import type { BackendInfo } from './protocol';
import { defaultSettings } from './settings';
import { trainingReducer, type TrainingEvent, type TrainingState } from './trainingState';

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
const backend = (name: string): TrainingEvent => {
  const info: BackendInfo = { name, summary: name, software: false, notes: [] };
  return { type: 'backend', backend: info };
};
const progress: BatchProgress = {
  epoch: 1,
  epochs: 2,
  batch: 1,
  batches: 3,
  loss: 0.5,
  dice: 0.1,
  imagesPerSecond: 41.25,
  etaSeconds: 200,
  learningRate: 1e-3,
};
const run = (...events: TrainingEvent[]): TrainingState =>
  events.reduce(trainingReducer, { phase: 'idle' } as TrainingState);

describe('phaseText', () => {
  it('speaks of compiling GPU kernels only on a GPU backend', () => {
    for (const gpu of ['webgl', 'webgpu'])
      expect(phaseText(run(start, backend(gpu), { type: 'warming' }))).toMatch(/GPU kernels/);
    for (const cpu of ['wasm', 'cpu']) {
      const text = phaseText(run(start, backend(cpu), { type: 'warming' }));
      expect(text).toBe('Running the first step…');
    }
  });

  it('says the backends are being measured while Auto has not started one', () => {
    expect(phaseText(run(start))).toMatch(/^Measuring each backend/);
    const chosen = { ...start, settings: { ...settings, backend: 'wasm' as const } };
    expect(phaseText(run(chosen))).toMatch(/^Starting the backend/);
  });
});

describe('progressText', () => {
  const batch: TrainingEvent = { type: 'batch', progress };

  it('shows the ETA and the speed while training', () => {
    const training = run(start, backend('wasm'), { type: 'warming' }, batch);
    expect(progressText(training)).toBe('ETA 3 min 20 s · 41.3 images/s');
  });

  it('drops the ETA once Stop is pressed and after the run ends', () => {
    const stopping = run(start, backend('wasm'), batch, { type: 'stop' });
    expect(stopping.phase).toBe('stopping');
    expect(progressText(stopping)).toBe('41.3 images/s');
    const stopped = run(
      start,
      backend('wasm'),
      batch,
      { type: 'stop' },
      {
        type: 'done',
        status: 'stopped',
      },
    );
    expect(progressText(stopped)).toBe('41.3 images/s');
    expect(progressText(run())).toBe('');
  });
});
