import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecodedImage } from '../data/imageOps';
import { segmentImage } from './segmentImage';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A 4×4 RGB model whose logit is R + G + B − 1.5: bright pixels are foreground. */
function brightness(): tf.LayersModel {
  const input = tf.input({ shape: [4, 4, 3] });
  const conv = tf.layers.conv2d({
    filters: 1,
    kernelSize: 1,
    weights: [tf.ones([1, 1, 3, 1]), tf.tensor1d([-1.5])],
  });
  return tf.model({ inputs: input, outputs: conv.apply(input) as tf.SymbolicTensor });
}

const image = (w: number, h: number): DecodedImage => {
  const data = new Uint8Array(w * h * 4);
  for (let p = 0; p < w * h; p++) data.fill(p % w < w / 2 ? 255 : 0, p * 4, p * 4 + 4);
  return { width: w, height: h, data };
};

describe('segmentImage', () => {
  it('predicts at the model size and returns the mask at the image size', () => {
    const result = segmentImage(brightness(), image(8, 6));
    expect([result.width, result.height, result.classes]).toEqual([8, 6, 1]);
    expect(Array.from(result.labels.subarray(0, 8))).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect(result.foreground).toBeCloseTo(0.5, 6);
  });

  it('refuses models that do not take images', () => {
    const input = tf.input({ shape: [16, 1] });
    const model = tf.model({
      inputs: input,
      outputs: tf.layers.conv1d({ filters: 1, kernelSize: 1 }).apply(input) as tf.SymbolicTensor,
    });
    expect(() => segmentImage(model, image(4, 4))).toThrow(/does not take 2D images/);
  });
});
