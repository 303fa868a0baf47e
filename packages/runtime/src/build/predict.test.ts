import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrimitiveOp } from '@unet-studio/compiler';
import { buildModel } from './buildModel';
import { headOf, predict } from './predict';
import { chain, mk, shape } from './testOps';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A 1×1-conv head with fixed weights (`w` per input channel per class), then an optional activation. */
function headModel(classes: number, activation: 'none' | 'sigmoid' | 'softmax', dims: 1 | 2 = 2) {
  const x = dims === 2 ? shape(2, 3, 4) : shape(2, 5);
  const out = dims === 2 ? shape(classes, 3, 4) : shape(classes, 5);
  const compiled = chain(x, (f) => {
    const ops: PrimitiveOp[] = [
      mk.conv('head/conv', f, out, 2, { kernel: dims === 2 ? [1, 1] : [1], bias: false }),
    ];
    if (activation !== 'none')
      ops.push(mk.activation('head/act', 'head/conv', out, { activation }));
    return ops;
  });
  const model = buildModel(compiled);
  const kernelShape = model.getLayer('head__conv').getWeights()[0]!.shape;
  // Class k gets (k + 1) × channel 0 − channel 1: distinct, easy to reason about logits.
  const values = Array.from({ length: 2 * classes }, (_, i) => (i < classes ? i + 1 : -1));
  model.getLayer('head__conv').setWeights([tf.tensor(values, kernelShape)]);
  return model;
}

describe('headOf', () => {
  it('reads the head from the model graph', () => {
    expect(headOf(headModel(1, 'none'))).toBe('logits');
    expect(headOf(headModel(1, 'sigmoid'))).toBe('sigmoid');
    expect(headOf(headModel(3, 'softmax'))).toBe('softmax');
    expect(headOf(headModel(3, 'softmax', 1))).toBe('softmax');
  });
});

describe('predict', () => {
  it('applies a sigmoid to one-class logits and thresholds it', () => {
    const model = headModel(1, 'none');
    const image = tf.stack([tf.fill([3, 4], 1), tf.fill([3, 4], 0.5)], -1); // logit 1 − 0.5 = 0.5
    const { probabilities, mask } = predict(model, image);
    expect(probabilities.shape).toEqual([3, 4, 1]);
    expect(probabilities.dataSync()[0]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 6);
    expect(mask.shape).toEqual([3, 4]);
    expect(mask.dtype).toBe('int32');
    expect(Array.from(mask.dataSync()).every((v) => v === 1)).toBe(true);
    expect(
      Array.from(predict(model, image, { threshold: 0.7 }).mask.dataSync()).every((v) => v === 0),
    ).toBe(true);
  });

  it('applies a softmax to multi-class logits and takes the argmax', () => {
    const model = headModel(3, 'none');
    const image = tf.stack([tf.fill([3, 4], 1), tf.fill([3, 4], 0)], -1); // logits 1, 2, 3
    const { probabilities, mask } = predict(model, image);
    const p = Array.from(probabilities.dataSync().slice(0, 3));
    const z = Math.exp(1) + Math.exp(2) + Math.exp(3);
    p.forEach((v, k) => expect(v).toBeCloseTo(Math.exp(k + 1) / z, 5));
    expect(Array.from(mask.dataSync()).every((v) => v === 2)).toBe(true);
  });

  it('uses sigmoid and softmax heads as they are', () => {
    const image = tf.stack([tf.fill([3, 4], 2), tf.fill([3, 4], 0)], -1);
    const sig = predict(headModel(1, 'sigmoid'), image).probabilities.dataSync()[0];
    expect(sig).toBeCloseTo(1 / (1 + Math.exp(-2)), 6);
    const soft = predict(headModel(2, 'softmax'), image).probabilities.dataSync();
    expect(soft[0]! + soft[1]!).toBeCloseTo(1, 6);
    expect(soft[1]).toBeCloseTo(Math.exp(4) / (Math.exp(2) + Math.exp(4)), 5);
  });

  it('keeps a batch axis when given one, and works in 1D', () => {
    const batch = tf.randomNormal([3, 3, 4, 2]);
    const { probabilities, mask } = predict(headModel(2, 'none'), batch);
    expect([probabilities.shape, mask.shape]).toEqual([
      [3, 3, 4, 2],
      [3, 3, 4],
    ]);
    const signal = predict(headModel(4, 'none', 1), tf.randomNormal([5, 2]));
    expect([signal.probabilities.shape, signal.mask.shape]).toEqual([[5, 4], [5]]);
  });

  it('leaves no tensors behind but the two it returns', () => {
    const model = headModel(3, 'none');
    const image = tf.randomNormal([3, 4, 2]);
    predict(model, image); // warm-up: tfjs caches some tensors on first use
    const before = tf.memory().numTensors;
    const { probabilities, mask } = predict(model, image);
    expect(tf.memory().numTensors).toBe(before + 2);
    tf.dispose([probabilities, mask]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names what is wrong with an image that does not fit', () => {
    const model = headModel(1, 'none');
    expect(() => predict(model, tf.zeros([3, 4, 3]))).toThrow(
      'the image is 3×4×3 (size × channels) but the model takes 3×4×2',
    );
    expect(() => predict(model, tf.zeros([4]))).toThrow(
      /the image has 1 axes; the model takes 3 \(4 with a batch axis\)/,
    );
  });
});
