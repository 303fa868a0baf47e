import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneModel } from '../io/memory';
import { OpenCropping2D } from './OpenCropping2D';
import { registerCustomLayers } from './register';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerCustomLayers();
});

describe('OpenCropping2D', () => {
  it('keeps open sizes open where the built-in layer gives a wrong number', () => {
    const cropping: [[number, number], [number, number]] = [
      [1, 2],
      [0, 3],
    ];
    expect(tf.layers.cropping2D({ cropping }).computeOutputShape([null, null, 8, 2])).toEqual([
      null,
      -3,
      5,
      2,
    ]);
    expect(new OpenCropping2D({ cropping }).computeOutputShape([null, null, 8, 2])).toEqual([
      null,
      null,
      5,
      2,
    ]);
  });

  it('crops like Cropping2D', () => {
    const layer = new OpenCropping2D({
      cropping: [
        [1, 0],
        [0, 1],
      ],
    });
    const y = layer.apply(tf.range(0, 6).reshape([1, 2, 3, 1])) as tf.Tensor;
    expect(Array.from(y.dataSync())).toEqual([3, 4]);
  });

  it('saves as a plain Keras Cropping2D and loads with open sizes', async () => {
    const input = tf.input({ shape: [null, null, 1] });
    const cropped = new OpenCropping2D({
      cropping: [
        [1, 1],
        [1, 1],
      ],
      name: 'crop',
    }).apply(input);
    const model = tf.model({ inputs: input, outputs: cropped as tf.SymbolicTensor });
    expect(model.getLayer('crop').getClassName()).toBe('Cropping2D');
    const copy = await cloneModel(model);
    expect(copy.outputs[0]?.shape).toEqual([null, null, null, 1]);
    expect((copy.predict(tf.zeros([1, 5, 4, 1])) as tf.Tensor).shape).toEqual([1, 3, 2, 1]);
  });
});
