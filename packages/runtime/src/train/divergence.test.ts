import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallUnet } from '../../test/smallUnet';
import { initBackend } from '../backend/initBackend';
import type { SegmentationData } from '../data/dataset';
import { makeSyntheticShapes } from '../data/synthetic';
import { DataValueError } from './dataValues';
import { train } from './train';
import { TrainingError } from './types';

beforeAll(async () => {
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

const tiny = () => smallUnet({ size: [8, 8], channels: 3, classes: 1, features: [4] });
const data = (seed: number, count = 8) => makeSyntheticShapes({ count, size: [8, 8], seed });
const named = (d: SegmentationData): SegmentationData => ({
  ...d,
  names: Array.from({ length: d.count }, (_, i) => `img${i + 1}`),
});

describe('divergence', () => {
  it.each(['adam', 'sgd'] as const)(
    'stops a %s run whose loss explodes (learning rate 1e9) with a TrainingError',
    async (optimizer) => {
      const model = tiny();
      const before = tf.memory().numTensors;
      const run = train(model, data(1, 16), {
        epochs: 5,
        batchSize: 4,
        optimizer,
        learningRate: 1e9,
        validationSplit: 0,
      });
      await expect(run).rejects.toThrow(TrainingError);
      await expect(run).rejects.toThrow(
        /^training diverged: the loss (rose to|became) .* at epoch/,
      );
      await expect(run).rejects.toThrow(/Lower the learning rate \(now 1000000000\)/);
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
    },
  );

  it('leaves tf.memory().numTensors unchanged after an SGD (momentum) run', async () => {
    const model = tiny();
    const before = tf.memory().numTensors;
    const history = await train(model, data(2), {
      epochs: 1,
      batchSize: 4,
      optimizer: 'sgd',
      learningRate: 0.01,
    });
    expect(history.status).toBe('completed');
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('bad data values are reported before training', () => {
  it('names a NaN found only in the validation data, with its sample', async () => {
    const validation = named(data(3, 4));
    validation.x[2 * 8 * 8 * 3 + 5] = NaN;
    const model = tiny();
    let batches = 0;
    const run = train(model, data(4), {
      validationData: validation,
      epochs: 1,
      onBatch: () => {
        batches++;
      },
    });
    await expect(run).rejects.toThrow(DataValueError);
    await expect(run).rejects.toThrow(
      'validation data, sample 3 (img3): input value 5 is NaN; inputs must be finite numbers',
    );
    expect(batches).toBe(0);
    model.dispose();
  });

  it('names an infinite input on wasm, and a target out of range', async () => {
    const model = tiny();
    const withInf = data(5);
    withInf.x[7] = Infinity;
    await expect(train(model, withInf, { epochs: 1 })).rejects.toThrow(
      'data, sample 1: input value 7 is Infinity; inputs must be finite numbers',
    );
    const badLabel = named(data(6));
    badLabel.y[8 * 8 + 3] = 2;
    await expect(train(model, badLabel, { epochs: 1 })).rejects.toThrow(
      'data, sample 2 (img2): target value 3 is 2, out of range: a binary mask holds 0 or 1',
    );
    model.dispose();
  });
});
