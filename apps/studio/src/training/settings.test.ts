import { compile, findTemplate, zTrainingSpec } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { checkSettings, defaultSettings, modelIo } from './settings';

const spec = zTrainingSpec.parse({});

describe('settings', () => {
  it('reads the design input size, channels and classes', () => {
    const io = modelIo(compile(findTemplate('small')!.build()));
    expect(io).toEqual({ size: [64, 64], channels: 3, classes: 1 });
  });

  it('defaults to the design size, synthetic data, its training spec and a measured backend', () => {
    const s = defaultSettings({ size: [64, 64], channels: 3, classes: 1 }, spec);
    expect(s).toMatchObject({
      source: 'synthetic',
      size: [64, 64],
      batchSize: 8,
      epochs: 10,
      loss: 'bce',
      backend: 'auto',
    });
    expect(checkSettings(s)).toEqual([]);
  });

  it('picks cross-entropy for several classes when the design says bce', () => {
    expect(defaultSettings({ size: [32, 32], channels: 1, classes: 3 }, spec).loss).toBe('ce');
  });

  it('names every bad field', () => {
    const s = defaultSettings({ size: [64, 64], channels: 3, classes: 1 }, spec);
    const problems = checkSettings({
      ...s,
      size: [0, 64],
      batchSize: 1.5,
      epochs: 0,
      learningRate: NaN,
      samples: 1,
    });
    expect(problems.join(' ')).toMatch(/Size/);
    expect(problems.join(' ')).toMatch(/Batch size/);
    expect(problems.join(' ')).toMatch(/Epochs/);
    expect(problems.join(' ')).toMatch(/Learning rate/);
    expect(problems.join(' ')).toMatch(/Samples/);
  });
});
