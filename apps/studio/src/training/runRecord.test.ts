import { findTemplate, parseDesign, serializeDesign, zTrainingSpec } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { MAX_RUNS, runRecordOf, withRun } from './runRecord';
import { defaultSettings } from './settings';
import type { Run } from './trainingState';

const run = (id: string): Run => ({
  id,
  startedAt: '2025-01-01T00:00:00.000Z',
  settings: defaultSettings({ size: [32, 32], channels: 3, classes: 1 }, zTrainingSpec.parse({})),
  estimate: null,
  backend: { name: 'webgl', summary: 'webgl', software: true, notes: [] },
  progress: null,
  epochs: [
    {
      epoch: 1,
      loss: 0.6,
      dice: 0.3,
      iou: 0.2,
      valLoss: 0.5,
      valDice: 0.4,
      valIoU: 0.25,
      valMetrics: null,
      learningRate: 1e-3,
      seconds: 2,
      imagesPerSecond: 3,
    },
  ],
  preview: [],
  savedEpoch: 1,
});

describe('run records', () => {
  it('keeps the run with the design through save and open', () => {
    const design = withRun(findTemplate('tiny')!.build(), runRecordOf(run('r1')));
    const reopened = parseDesign(serializeDesign(design));
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    expect(reopened.value.runs[0]).toMatchObject({
      id: 'r1',
      backend: 'webgl',
      settings: { size: '32x32', loss: 'bce' },
    });
    expect(reopened.value.runs[0]?.epochs[0]?.valDice).toBe(0.4);
    expect(reopened.value.model).toEqual(design.model);
  });

  it('replaces a record of the same run and keeps only the latest runs', () => {
    let design = findTemplate('tiny')!.build();
    for (let i = 0; i < MAX_RUNS + 3; i++) design = withRun(design, runRecordOf(run(`r${i}`)));
    design = withRun(design, runRecordOf(run(`r${MAX_RUNS + 2}`)));
    expect(design.runs).toHaveLength(MAX_RUNS);
    expect(design.runs[design.runs.length - 1]?.id).toBe(`r${MAX_RUNS + 2}`);
    expect(design.runs[0]?.id).toBe('r3');
  });
});
