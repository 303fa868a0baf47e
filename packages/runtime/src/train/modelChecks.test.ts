import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSyntheticShapes } from '../data/synthetic';
import { checkModelFitsData, detectHead } from './modelChecks';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function model(
  build: (x: tf.SymbolicTensor) => tf.SymbolicTensor,
  shape = [8, 8, 3],
): tf.LayersModel {
  const input = tf.input({ shape });
  return tf.model({ inputs: input, outputs: build(input) });
}
const conv = (x: tf.SymbolicTensor, activation?: 'sigmoid' | 'softmax' | 'linear', filters = 1) =>
  tf.layers
    .conv2d({ filters, kernelSize: 1, ...(activation ? { activation } : {}) })
    .apply(x) as tf.SymbolicTensor;

describe('detectHead', () => {
  it('reads a built-in activation, a separate activation layer, or logits', () => {
    expect(detectHead(model((x) => conv(x, 'sigmoid')))).toBe('sigmoid');
    expect(
      detectHead(
        model((x) => tf.layers.softmax().apply(conv(x, 'linear', 2)) as tf.SymbolicTensor),
      ),
    ).toBe('softmax');
    expect(
      detectHead(
        model(
          (x) =>
            tf.layers.activation({ activation: 'sigmoid' }).apply(conv(x)) as tf.SymbolicTensor,
        ),
      ),
    ).toBe('sigmoid');
    expect(detectHead(model((x) => conv(x)))).toBe('none');
  });
});

describe('checkModelFitsData', () => {
  const data = makeSyntheticShapes({ count: 2, size: [8, 8], seed: 1 });

  it('accepts matching shapes, including open sizes', () => {
    expect(() =>
      checkModelFitsData(
        model((x) => conv(x)),
        data,
      ),
    ).not.toThrow();
    expect(() =>
      checkModelFitsData(
        model((x) => conv(x), [null, null, 3] as unknown as number[]),
        data,
      ),
    ).not.toThrow();
  });

  it('names the mismatch', () => {
    expect(() =>
      checkModelFitsData(
        model((x) => conv(x), [8, 8, 1]),
        data,
      ),
    ).toThrow("the model takes inputs of shape [8, 8, 1] but the data's samples are [8, 8, 3]");
    expect(() =>
      checkModelFitsData(
        model((x) => conv(x, 'softmax', 3)),
        data,
      ),
    ).toThrow('the model predicts 3 channels but the data has a binary mask (1 channel)');
  });
});
