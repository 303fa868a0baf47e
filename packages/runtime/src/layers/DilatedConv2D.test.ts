import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneModel } from '../io/memory';
import { DilatedConv2D } from './DilatedConv2D';
import { registerCustomLayers } from './register';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerCustomLayers();
});

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

function modelOf(layer: tf.layers.Layer, shape: number[]): tf.LayersModel {
  const input = tf.input({ shape });
  return tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
}

describe('DilatedConv2D', () => {
  it('computes what tf.layers.conv2d computes forward, with the same weights', () => {
    const ours = new DilatedConv2D({
      filters: 4,
      kernelSize: [3, 3],
      dilationRate: [2, 2],
      seed: 1,
    });
    const theirs = tf.layers.conv2d({
      filters: 4,
      kernelSize: 3,
      dilationRate: 2,
      padding: 'same',
    });
    const x = tf.randomNormal([2, 11, 12, 3], 0, 1, 'float32', 3);
    const y = ours.apply(x) as tf.Tensor;
    theirs.apply(x);
    theirs.setWeights(ours.getWeights());
    expect(y.shape).toEqual([2, 11, 12, 4]);
    expect(maxAbsDiff(y, theirs.apply(x) as tf.Tensor)).toBeLessThan(1e-4);
  });

  it('computes what tf.layers.separableConv2d computes forward, with Keras weight names', () => {
    const ours = new DilatedConv2D({
      filters: 5,
      kernelSize: [3, 3],
      dilationRate: [2, 2],
      padding: 'valid',
      separable: true,
      name: 'sep',
    });
    const theirs = tf.layers.separableConv2d({
      filters: 5,
      kernelSize: 3,
      dilationRate: 2,
      padding: 'valid',
    });
    const x = tf.randomNormal([1, 10, 9, 3], 0, 1, 'float32', 4);
    const y = ours.apply(x) as tf.Tensor;
    theirs.apply(x);
    theirs.setWeights(ours.getWeights());
    expect(ours.weights.map((w) => w.originalName)).toEqual([
      'sep/depthwise_kernel',
      'sep/pointwise_kernel',
      'sep/bias',
    ]);
    expect(maxAbsDiff(y, theirs.apply(x) as tf.Tensor)).toBeLessThan(1e-4);
  });

  it('reports the output shape of strided and valid geometry, open sizes included', () => {
    const layer = new DilatedConv2D({
      filters: 2,
      kernelSize: [3, 3],
      strides: [2, 2],
      dilationRate: [2, 2],
      padding: 'valid',
    });
    expect(layer.computeOutputShape([null, 15, null, 3])).toEqual([null, 6, null, 2]);
    const y = layer.apply(tf.zeros([1, 15, 9, 3])) as tf.Tensor;
    expect(y.shape).toEqual([1, 6, 3, 2]);
  });

  it('trains where tf.layers.conv2d with dilation refuses its gradient', async () => {
    const target = tf.randomNormal([4, 8, 8, 2], 0, 1, 'float32', 5);
    const x = tf.randomNormal([4, 8, 8, 3], 0, 1, 'float32', 6);
    const builtin = modelOf(
      tf.layers.conv2d({ filters: 2, kernelSize: 3, dilationRate: 2, padding: 'same' }),
      [8, 8, 3],
    );
    builtin.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    await expect(builtin.trainOnBatch(x, target)).rejects.toThrow(/dilation/);

    const model = modelOf(
      new DilatedConv2D({ filters: 2, kernelSize: [3, 3], dilationRate: [2, 2], seed: 7 }),
      [8, 8, 3],
    );
    model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
    const first = (await model.trainOnBatch(x, target)) as number;
    let last = first;
    for (let i = 0; i < 5; i++) last = (await model.trainOnBatch(x, target)) as number;
    expect(last).toBeLessThan(first);
  });

  it('saves and loads with identical outputs', async () => {
    const model = modelOf(
      new DilatedConv2D({
        filters: 3,
        kernelSize: [1, 5],
        strides: [1, 2],
        dilationRate: [1, 3],
        seed: 9,
        name: 'dil',
      }),
      [1, 20, 2],
    );
    const copy = await cloneModel(model);
    const x = tf.randomNormal([2, 1, 20, 2], 0, 1, 'float32', 10);
    expect(copy.getLayer('dil')).toBeInstanceOf(DilatedConv2D);
    expect(maxAbsDiff(model.predict(x) as tf.Tensor, copy.predict(x) as tf.Tensor)).toBe(0);
  });

  it('gives the same weights for the same seed and different weights for another', () => {
    const make = (seed: number) => {
      const layer = new DilatedConv2D({
        filters: 2,
        kernelSize: [3, 3],
        dilationRate: [2, 2],
        seed,
      });
      layer.apply(tf.zeros([1, 6, 6, 2]));
      return layer.getWeights()[0]!;
    };
    expect(maxAbsDiff(make(1), make(1))).toBe(0);
    expect(maxAbsDiff(make(1), make(2))).toBeGreaterThan(0);
  });

  it('rejects a hostile config with the key that is wrong', () => {
    expect(
      () =>
        new DilatedConv2D({
          filters: 2,
          kernelSize: [3, 3],
          dilationRate: [2, 2],
          padding: 'causal' as 'same',
        }),
    ).toThrow(/"padding" must be one of "same", "valid"/);
    expect(
      () => new DilatedConv2D({ filters: -1, kernelSize: [3, 3], dilationRate: [2, 2] }),
    ).toThrow(/"filters" must be a positive integer/);
  });
});
