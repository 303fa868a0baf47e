import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneModel } from '../io/memory';
import { GroupNormalization, InstanceNormalization } from './GroupNormalization';
import { registerCustomLayers } from './register';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerCustomLayers();
});

/** PyTorch GroupNorm on NHWC data, written out with loops. */
function referenceGroupNorm(x: tf.Tensor, groups: number, eps: number): Float32Array {
  const [b = 0, h = 0, w = 0, c = 0] = x.shape;
  const xs = x.dataSync();
  const out = new Float32Array(xs.length);
  const per = c / groups;
  for (let n = 0; n < b; n++)
    for (let g = 0; g < groups; g++) {
      const idx: number[] = [];
      for (let p = 0; p < h * w; p++)
        for (let k = 0; k < per; k++) idx.push((n * h * w + p) * c + g * per + k);
      const mean = idx.reduce((s, i) => s + xs[i]!, 0) / idx.length;
      const variance = idx.reduce((s, i) => s + (xs[i]! - mean) ** 2, 0) / idx.length;
      for (const i of idx) out[i] = (xs[i]! - mean) / Math.sqrt(variance + eps);
    }
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('GroupNormalization', () => {
  it('normalises each group of each sample like PyTorch GroupNorm', () => {
    const x = tf.randomNormal([2, 5, 6, 8], 3, 2, 'float32', 11);
    const layer = new GroupNormalization({ groups: 4, epsilon: 1e-5 });
    const y = layer.apply(x) as tf.Tensor;
    expect(y.shape).toEqual([2, 5, 6, 8]);
    expect(maxAbsDiff(y.dataSync(), referenceGroupNorm(x, 4, 1e-5))).toBeLessThan(1e-4);
    expect(layer.trainableWeights.map((w) => w.shape)).toEqual([[8], [8]]);
  });

  it('applies gamma and beta per channel', () => {
    const x = tf.randomNormal([1, 4, 4, 2], 0, 1, 'float32', 12);
    const layer = new GroupNormalization({ groups: 1 });
    layer.apply(x);
    layer.setWeights([tf.tensor1d([2, -1]), tf.tensor1d([0.5, 3])]);
    const y = layer.apply(x) as tf.Tensor;
    const ref = referenceGroupNorm(x, 1, 1e-5).map((v, i) => (i % 2 === 0 ? 2 * v + 0.5 : -v + 3));
    expect(maxAbsDiff(y.dataSync(), ref)).toBeLessThan(1e-4);
  });

  it('names the layer and the channel count when groups do not divide the channels', () => {
    const layer = new GroupNormalization({ groups: 3, name: 'enc1__norm0' });
    expect(() => layer.apply(tf.input({ shape: [4, 4, 8] }))).toThrow(
      /enc1__norm0.*8 channels cannot be split into 3 groups/,
    );
  });

  it('rejects a non-integer group count from a hostile config', () => {
    expect(() => new GroupNormalization({ groups: 2.5 })).toThrow(
      /"groups" must be a positive integer/,
    );
  });

  it('saves and loads with its config and weights', async () => {
    const input = tf.input({ shape: [4, 4, 6] });
    const layer = new GroupNormalization({ groups: 2, epsilon: 1e-3, name: 'gn' });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    layer.setWeights([tf.range(1, 7), tf.range(0, 6)]);
    const copy = (await cloneModel(model)).getLayer('gn');
    expect(copy).toBeInstanceOf(GroupNormalization);
    expect([(copy as GroupNormalization).groups, (copy as GroupNormalization).epsilon]).toEqual([
      2, 1e-3,
    ]);
    expect(copy.getWeights().map((w) => Array.from(w.dataSync()))).toEqual([
      [1, 2, 3, 4, 5, 6],
      [0, 1, 2, 3, 4, 5],
    ]);
  });
});

describe('InstanceNormalization', () => {
  it('equals group normalisation with one channel per group', () => {
    const x = tf.randomNormal([2, 3, 7, 5], -1, 3, 'float32', 13);
    const y = new InstanceNormalization({ epsilon: 1e-5 }).apply(x) as tf.Tensor;
    expect(maxAbsDiff(y.dataSync(), referenceGroupNorm(x, 5, 1e-5))).toBeLessThan(1e-4);
  });

  it('saves without a groups key and loads as itself', async () => {
    const layer = new InstanceNormalization({ name: 'inorm' });
    expect(layer.getConfig()).not.toHaveProperty('groups');
    const input = tf.input({ shape: [3, 3, 4] });
    const model = tf.model({ inputs: input, outputs: layer.apply(input) as tf.SymbolicTensor });
    expect((await cloneModel(model)).getLayer('inorm')).toBeInstanceOf(InstanceNormalization);
  });
});
