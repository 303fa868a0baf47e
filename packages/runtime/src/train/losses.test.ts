import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bceOnProbabilities,
  bceWithLogits,
  crossEntropyOnProbabilities,
  crossEntropyWithLogits,
  makeLoss,
  softDiceLoss,
} from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('binary cross-entropy', () => {
  it('matches −(y log p + (1−y) log(1−p)) and agrees between logits and probabilities', () => {
    const logits = tf.tensor([-3, -0.5, 0, 0.7, 4]);
    const y = tf.tensor([0, 1, 1, 0, 1]);
    const expected = values(logits).map((x, i) => {
      const p = 1 / (1 + Math.exp(-x));
      const t = values(y)[i]!;
      return -(t * Math.log(p) + (1 - t) * Math.log(1 - p));
    });
    values(bceWithLogits(y, logits)).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    values(bceOnProbabilities(y, tf.sigmoid(logits))).forEach((v, i) =>
      expect(v).toBeCloseTo(expected[i]!, 4),
    );
  });

  it('stays finite, with finite gradients, at extreme logits', () => {
    const logits = tf.tensor([-200, 200, -90, 90]);
    const y = tf.tensor([1, 0, 0, 1]);
    const loss = values(bceWithLogits(y, logits));
    expect(loss[0]).toBeCloseTo(200, 3);
    expect(loss[1]).toBeCloseTo(200, 3);
    expect(loss[2]).toBeCloseTo(0, 6);
    const grad = tf.grad((x: tf.Tensor) => tf.sum(bceWithLogits(y, x)))(logits);
    expect(values(grad).every(Number.isFinite)).toBe(true);
    expect(values(grad)[0]).toBeCloseTo(-1, 5);
  });
});

describe('categorical cross-entropy', () => {
  it('agrees between logits and softmax probabilities', () => {
    const logits = tf.tensor([
      [2, 0.5, -1],
      [0, 0, 3],
    ]);
    const y = tf.tensor([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    const a = values(crossEntropyWithLogits(y, logits));
    const b = values(crossEntropyOnProbabilities(y, tf.softmax(logits)));
    expect(a[0]).toBeCloseTo(
      -Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(0.5) + Math.exp(-1))),
      5,
    );
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 4));
  });
});

describe('soft Dice', () => {
  it('is 0 for a perfect prediction and near 1 for the complement', () => {
    const y = tf.tensor4d([1, 1, 0, 0, 1, 0, 0, 0], [2, 2, 2, 1]);
    expect(softDiceLoss(y, y).dataSync()[0]).toBeCloseTo(0, 6);
    expect(softDiceLoss(y, tf.sub(1, y)).dataSync()[0]).toBeGreaterThan(0.8);
  });
});

describe('makeLoss', () => {
  const y = tf.tensor4d([1, 0, 0, 1], [1, 2, 2, 1]);
  const logits = tf.tensor4d([2, -1, 0.5, 1], [1, 2, 2, 1]);

  it('picks the logits or probability form from the head', () => {
    const onLogits = makeLoss('bce_dice', { head: 'none', classes: 1 })(
      y,
      logits,
      null,
    ).dataSync()[0]!;
    const onProbs = makeLoss('bce_dice', { head: 'sigmoid', classes: 1 })(
      y,
      tf.sigmoid(logits),
      null,
    ).dataSync()[0]!;
    expect(onLogits).toBeCloseTo(onProbs, 4);
  });

  it('weights each pixel for the weighted losses', () => {
    const plain = makeLoss('bce', { head: 'none', classes: 1 })(y, logits, null).dataSync()[0]!;
    const w = tf.fill([1, 2, 2, 1], 3);
    expect(
      makeLoss('weighted_bce', { head: 'none', classes: 1 })(y, logits, w).dataSync()[0],
    ).toBeCloseTo(3 * plain, 5);
    expect(() => makeLoss('weighted_bce', { head: 'none', classes: 1 })(y, logits, null)).toThrow(
      /needs per-pixel weights/,
    );
  });

  it('refuses combinations that cannot train, saying what to change', () => {
    expect(() => makeLoss('bce', { head: 'softmax', classes: 1 })).toThrow(
      /softmax over one channel/,
    );
    expect(() => makeLoss('ce', { head: 'none', classes: 1 })).toThrow(
      /needs 2 or more classes; use "bce"/,
    );
    expect(() => makeLoss('weighted_ce', { head: 'sigmoid', classes: 3 })).toThrow(
      /needs a softmax/,
    );
  });
});
