import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallUnet } from '../../test/smallUnet';
import { initBackend } from '../backend/initBackend';
import { makeSyntheticShapes } from '../data/synthetic';
import { makeSyntheticSignals } from '../data/signals';
import type { BatchProgress } from './types';
import { TrainingError } from './types';
import { train } from './train';

beforeAll(async () => {
  expect((await initBackend('wasm')).backend).toBe('wasm');
});

const shapes = makeSyntheticShapes({ count: 128, size: [16, 16], seed: 1 });
const weightsOf = (m: tf.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

describe('train', () => {
  it('learns synthetic shapes to validation Dice ≥ 0.9 and reports every batch and epoch', async () => {
    const model = smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [8, 16] });
    const batches: BatchProgress[] = [];
    const before = tf.memory().numTensors;
    const history = await train(model, shapes, {
      epochs: 6,
      batchSize: 8,
      learningRate: 3e-3,
      onBatch: (b) => {
        batches.push(b);
      },
    });
    expect(history.status).toBe('completed');
    expect(history.backend).toBe('wasm');
    expect(history.head).toBe('none');
    expect(history.epochs).toHaveLength(6);
    const last = history.epochs[5]!;
    expect(last.valDice).toBeGreaterThanOrEqual(0.9);
    expect(last.valMetrics?.pixelAccuracy).toBeGreaterThan(0.95);
    expect(last.loss).toBeLessThan(history.epochs[0]!.loss);
    // 128 samples, 20% validation → 102 training samples → 13 batches per epoch.
    expect(batches).toHaveLength(6 * 13);
    expect(batches[0]).toMatchObject({ epoch: 1, batch: 1, batches: 13, epochs: 6 });
    expect(batches.at(-1)!.etaSeconds).toBe(0);
    expect(batches.every((b) => b.imagesPerSecond > 0 && Number.isFinite(b.loss))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  }, 60_000);

  it('stops mid-epoch on abort and leaves no tensors behind', async () => {
    const model = smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [8, 16] });
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    let seen = 0;
    const history = await train(model, shapes, {
      epochs: 3,
      signal: controller.signal,
      onBatch: () => {
        if (++seen === 5) controller.abort();
      },
    });
    expect(history.status).toBe('aborted');
    expect(seen).toBe(5);
    expect(history.epochs).toHaveLength(0);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('stops on a NaN loss naming the epoch and batch, leaving weights and tensors as they were', async () => {
    const model = smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [8, 16] });
    const data = makeSyntheticShapes({ count: 16, size: [16, 16], seed: 2 });
    const validation = makeSyntheticShapes({ count: 4, size: [16, 16], seed: 3 });
    const before = tf.memory().numTensors;
    let afterEpoch1: number[][] = [];
    const run = train(model, data, {
      epochs: 3,
      batchSize: 4,
      validationData: validation,
      onEpoch: () => {
        // Poison the training data after epoch 1: epoch 2's first batch must stop the run.
        afterEpoch1 = weightsOf(model);
        data.x.fill(NaN);
      },
    });
    await expect(run).rejects.toThrow(TrainingError);
    await expect(run).rejects.toThrow(/loss became NaN at epoch 2, batch 1/);
    expect(tf.memory().numTensors).toBe(before);
    // Every weight, BN moving statistics included, is as it was before the NaN batch.
    expect(weightsOf(model)).toEqual(afterEpoch1);
    model.dispose();
  });

  it('trains multi-class 1D signals with softmax cross-entropy and a weighted loss', async () => {
    const data = makeSyntheticSignals({ count: 24, length: 32, classes: 3, seed: 4 });
    for (const loss of ['ce', 'weighted_ce'] as const) {
      const model = smallUnet({
        size: [32],
        channels: 1,
        classes: 3,
        features: [8, 16],
        head: 'softmax',
      });
      const history = await train(model, data, {
        epochs: 3,
        batchSize: 8,
        loss,
        learningRate: 3e-3,
      });
      expect(history.head).toBe('softmax');
      expect(history.epochs[2]!.loss).toBeLessThan(history.epochs[0]!.loss);
      expect(history.epochs[2]!.valMetrics?.perClass).toHaveLength(3);
      model.dispose();
    }
  });

  it('reduces the learning rate when the loss plateaus', async () => {
    const model = smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [8] });
    const data = makeSyntheticShapes({ count: 8, size: [16, 16], seed: 5 });
    // minDelta 100: no epoch counts as an improvement after the first.
    const history = await train(model, data, {
      epochs: 4,
      learningRate: 0.01,
      optimizer: 'sgd',
      reduceOnPlateau: { patience: 1, factor: 0.5, minDelta: 100 },
    });
    expect(history.epochs.map((e) => e.learningRate)).toEqual([0.01, 0.01, 0.005, 0.0025]);
    model.dispose();
  });

  it('refuses data the model cannot take, saying why', async () => {
    const model = smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [8] });
    const twoClass = makeSyntheticShapes({ count: 4, size: [16, 16], classes: 2, seed: 1 });
    await expect(train(model, twoClass)).rejects.toThrow(
      /predicts 1 channels but the data has 2 classes/,
    );
    const grey = makeSyntheticShapes({ count: 4, size: [16, 16], channels: 1, seed: 1 });
    await expect(train(model, grey)).rejects.toThrow(
      /takes inputs of shape \[\?, \?, 3\]|takes inputs of shape \[16, 16, 3\]/,
    );
    await expect(train(model, shapes, { epochs: 0 })).rejects.toThrow(
      /epochs must be a positive integer/,
    );
    model.dispose();
  });
});
