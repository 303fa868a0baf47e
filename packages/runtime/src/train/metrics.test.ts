import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addCounts,
  countsTensor,
  metricsFromCounts,
  readCounts,
  segmentationMetrics,
} from './metrics';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('binary metrics', () => {
  // Truth: 4 foreground pixels of 8; prediction hits 3, adds 1 false positive.
  const y = tf.tensor4d([1, 1, 1, 1, 0, 0, 0, 0], [2, 2, 2, 1]);
  const probs = tf.tensor4d([0.9, 0.8, 0.7, 0.2, 0.6, 0.1, 0.0, 0.3], [2, 2, 2, 1]);

  it('computes Dice, IoU and accuracy from hardened probabilities', () => {
    const m = segmentationMetrics(y, probs, 'sigmoid', 1);
    expect(m.dice).toBeCloseTo((2 * 3) / (2 * 3 + 1 + 1), 6);
    expect(m.iou).toBeCloseTo(3 / 5, 6);
    expect(m.pixelAccuracy).toBeCloseTo(6 / 8, 6);
    expect(m.perClass).toEqual([{ classIndex: 1, dice: m.dice, iou: m.iou }]);
  });

  it('thresholds logits at the same point as probabilities', () => {
    const logits = tf.log(tf.div(probs, tf.sub(1, tf.clipByValue(probs, 0, 0.999))));
    expect(segmentationMetrics(y, logits, 'none', 1).dice).toBeCloseTo(
      segmentationMetrics(y, probs, 'sigmoid', 1).dice,
      6,
    );
  });

  it('sums counts over batches before taking ratios', () => {
    const a = readCounts(
      countsTensor(y.slice([0], [1]), probs.slice([0], [1]), 'sigmoid', 1).dataSync(),
      1,
      4,
    );
    const b = readCounts(
      countsTensor(y.slice([1], [1]), probs.slice([1], [1]), 'sigmoid', 1).dataSync(),
      1,
      4,
    );
    expect(metricsFromCounts(addCounts(addCounts(null, a), b)).dice).toBeCloseTo(
      segmentationMetrics(y, probs, 'sigmoid', 1).dice,
      6,
    );
  });

  it('scores an empty truth and empty prediction as perfect', () => {
    const zeros = tf.zeros([1, 2, 2, 1]);
    expect(segmentationMetrics(zeros, zeros, 'sigmoid', 1)).toMatchObject({
      dice: 1,
      iou: 1,
      pixelAccuracy: 1,
    });
  });
});

describe('multi-class metrics', () => {
  it('reports every class and averages the foreground ones', () => {
    // 4 pixels, 3 classes. Truth: 0, 1, 2, 2. Prediction (argmax): 0, 1, 1, 2.
    const y = tf.oneHot(tf.tensor1d([0, 1, 2, 2], 'int32'), 3).reshape([1, 2, 2, 3]);
    const logits = tf
      .oneHot(tf.tensor1d([0, 1, 1, 2], 'int32'), 3)
      .mul(5)
      .reshape([1, 2, 2, 3]);
    const m = segmentationMetrics(y, logits, 'none', 3);
    const dice1 = (2 * 1) / (2 * 1 + 1 + 0);
    const dice2 = (2 * 1) / (2 * 1 + 0 + 1);
    expect(m.perClass.map((c) => c.classIndex)).toEqual([0, 1, 2]);
    expect(m.perClass[0]!.dice).toBeCloseTo(1, 6);
    expect(m.dice).toBeCloseTo((dice1 + dice2) / 2, 6);
    expect(m.iou).toBeCloseTo((0.5 + 0.5) / 2, 6);
    expect(m.pixelAccuracy).toBeCloseTo(3 / 4, 6);
  });
});
