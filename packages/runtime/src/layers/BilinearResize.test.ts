import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneModel } from '../io/memory';
import { BilinearResize } from './BilinearResize';
import { registerCustomLayers } from './register';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerCustomLayers();
});

const row = (values: number[]) => tf.tensor4d(values, [1, 1, values.length, 1]);
const values = (t: tf.Tensor) => Array.from(t.dataSync());

describe('BilinearResize', () => {
  it('matches PyTorch align_corners=True when alignCorners is true', () => {
    const y = new BilinearResize({ factor: [1, 2], alignCorners: true }).apply(
      row([0, 3]),
    ) as tf.Tensor;
    // torch.nn.Upsample(scale_factor=2, mode='linear', align_corners=True)([0, 3]) = [0, 1, 2, 3]
    values(y).forEach((v, i) => expect(v).toBeCloseTo([0, 1, 2, 3][i]!, 5));
  });

  it("matches PyTorch's half-pixel default when alignCorners is false", () => {
    const y = new BilinearResize({ factor: [1, 2], alignCorners: false }).apply(
      row([0, 4]),
    ) as tf.Tensor;
    // torch.nn.Upsample(scale_factor=2, mode='linear', align_corners=False)([0, 4]) = [0, 1, 3, 4]
    values(y).forEach((v, i) => expect(v).toBeCloseTo([0, 1, 3, 4][i]!, 5));
  });

  it("differs from tfjs's own bilinear upSampling2d (the legacy mapping)", () => {
    const legacy = tf.layers
      .upSampling2d({ size: [1, 2], interpolation: 'bilinear' })
      .apply(row([0, 4]));
    expect(values(legacy as tf.Tensor)).toEqual([0, 2, 4, 4]);
  });

  it('resizes to a fixed size', () => {
    const x = tf.randomNormal([2, 5, 7, 3]);
    const layer = new BilinearResize({ size: [8, 9] });
    expect((layer.apply(x) as tf.Tensor).shape).toEqual([2, 8, 9, 3]);
    expect(layer.computeOutputShape([null, 5, 7, 3])).toEqual([null, 8, 9, 3]);
  });

  it('follows the size of a reference input', () => {
    const layer = new BilinearResize({});
    const y = layer.apply([tf.ones([1, 4, 4, 2]), tf.zeros([1, 9, 7, 5])]) as tf.Tensor;
    expect(y.shape).toEqual([1, 9, 7, 2]);
    expect(values(y).every((v) => Math.abs(v - 1) < 1e-6)).toBe(true);
    expect(
      layer.computeOutputShape([
        [null, 4, 4, 2],
        [null, null, 7, 5],
      ]),
    ).toEqual([null, null, 7, 2]);
  });

  it('keeps open sizes open in its output shape when upsampling by a factor', () => {
    const layer = new BilinearResize({ factor: [2, 3] });
    expect(layer.computeOutputShape([null, null, 5, 4])).toEqual([null, null, 15, 4]);
  });

  it('rejects a config with both a factor and a size, or a bad factor', () => {
    expect(() => new BilinearResize({ factor: [2, 2], size: [4, 4] })).toThrow(
      /either "factor" or "size"/,
    );
    expect(() => new BilinearResize({ factor: [0, 2] as [number, number] })).toThrow(
      /"factor" must be two positive integers/,
    );
  });

  it('saves and loads with its config, alignCorners included', async () => {
    const input = tf.input({ shape: [3, 3, 1] });
    const layer = new BilinearResize({ factor: [2, 2], alignCorners: true, name: 'up' });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    const copy = (await cloneModel(model)).getLayer('up') as BilinearResize;
    expect(copy).toBeInstanceOf(BilinearResize);
    expect([copy.factor, copy.size, copy.alignCorners]).toEqual([[2, 2], null, true]);
  });
});

describe('BilinearResize training', () => {
  it('trains on a non-square map, where the cpu kernel of tfjs gives a transposed gradient', async () => {
    const input = tf.input({ shape: [3, 5, 2] });
    const up = new BilinearResize({ factor: [2, 2] }).apply(
      tf.layers.conv2d({ filters: 2, kernelSize: 1 }).apply(input),
    );
    const model = tf.model({ inputs: input, outputs: up as tf.SymbolicTensor });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const x = tf.randomNormal([4, 3, 5, 2], 0, 1, 'float32', 6);
    const y = tf.randomNormal([4, 6, 10, 2], 0, 1, 'float32', 7);
    const first = (await model.trainOnBatch(x, y)) as number;
    let last = first;
    for (let i = 0; i < 5; i++) last = (await model.trainOnBatch(x, y)) as number;
    expect(last).toBeLessThan(first);
  });
});
