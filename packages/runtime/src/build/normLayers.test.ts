import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrimitiveOp, Shape } from '@unet-studio/compiler';
import { buildAndRun, channelsLast } from './buildTestSupport';
import { buildModel } from './buildModel';
import { chain, mk, shape } from './testOps';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const p = (trainable: number, nonTrainable = 0) => ({ trainable, nonTrainable });

describe('norm ops', () => {
  const cases = [
    {
      name: 'batch (2D)',
      x: shape(6, 8, 9),
      over: { norm: 'batch' },
      params: p(12, 12),
      cls: 'BatchNormalization',
    },
    {
      name: 'group (2D)',
      x: shape(6, 8, 9),
      over: { norm: 'group', groups: 3 },
      params: p(12),
      cls: 'GroupNormalization',
    },
    {
      name: 'instance (2D)',
      x: shape(6, 8, 9),
      over: { norm: 'instance' },
      params: p(12),
      cls: 'InstanceNormalization',
    },
    {
      name: 'layer over H, W (2D)',
      x: shape(6, 8, 9),
      over: { norm: 'layer' },
      params: p(2 * 72),
      cls: 'LayerNormalization',
    },
    {
      name: 'batch (1D)',
      x: shape(4, 20),
      over: { norm: 'batch' },
      params: p(8, 8),
      cls: 'BatchNormalization',
    },
    {
      name: 'group (1D)',
      x: shape(4, 20),
      over: { norm: 'group', groups: 2 },
      params: p(8),
      cls: 'GroupNormalization',
    },
    {
      name: 'instance (1D)',
      x: shape(4, 20),
      over: { norm: 'instance' },
      params: p(8),
      cls: 'InstanceNormalization',
    },
    {
      name: 'layer over L (1D)',
      x: shape(4, 20),
      over: { norm: 'layer' },
      params: p(40),
      cls: 'LayerNormalization',
    },
  ] as const;

  it.each(cases)('builds $name as $cls', ({ x, over, params, cls }) => {
    const compiled = chain(x, (f) => [mk.norm('n/norm', f, x, over)]);
    const { model } = buildAndRun(compiled, params, channelsLast(x));
    expect(model.getLayer('n__norm').getClassName()).toBe(cls);
  });

  it('gives batch norm the op epsilon and Keras momentum 1 − momentum', () => {
    const x = shape(2, 4, 4);
    const model = buildModel(
      chain(x, (f) => [mk.norm('n/bn', f, x, { eps: 1e-3, momentum: 0.01 })]),
    );
    const config = model.getLayer('n__bn').getConfig();
    expect(config.epsilon).toBe(1e-3);
    expect(config.momentum).toBeCloseTo(0.99, 10);
    expect([config.scale, config.center]).toEqual([true, true]);
  });

  it('normalises each channel to zero mean and unit variance with instance norm', () => {
    const x = shape(3, 6, 6);
    const model = buildModel(chain(x, (f) => [mk.norm('n/in', f, x, { norm: 'instance' })]));
    const y = model.predict(tf.randomNormal([1, 6, 6, 3], 5, 3, 'float32', 1)) as tf.Tensor;
    const { mean, variance } = tf.moments(y, [0, 1, 2]);
    mean.dataSync().forEach((m) => expect(m).toBeCloseTo(0, 4));
    variance.dataSync().forEach((v) => expect(v).toBeCloseTo(1, 3));
  });

  it('refuses a layer norm over an open input size', () => {
    const open: Shape = { channels: 2, spatial: [{ sym: 'H', a: [1, 1], b: [0, 1] }, 8] };
    const compiled = chain(open, (f) => [mk.norm('n/ln', f, open, { norm: 'layer' })]);
    expect(() => buildModel(compiled)).toThrow(/op "n\/ln".*needs a fixed input size/);
  });
});

describe('activation ops', () => {
  const x = shape(1, 1, 5);
  const input = tf.tensor4d([-2, -1, 0, 1, 8], [1, 1, 5, 1]);
  const run = (over: Partial<Extract<PrimitiveOp, { op: 'activation' }>>) => {
    const model = buildModel(chain(x, (f) => [mk.activation('a/act', f, x, over)]));
    return Array.from((model.predict(input) as tf.Tensor).dataSync());
  };
  const erf = (v: number) => {
    // Abramowitz–Stegun 7.1.26, |error| < 1.5e-7.
    const t = 1 / (1 + 0.3275911 * Math.abs(v));
    const y =
      1 -
      ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
        t *
        Math.exp(-v * v);
    return Math.sign(v) * y;
  };
  const cases = [
    { activation: 'relu', alpha: 0, f: (v: number) => Math.max(v, 0) },
    { activation: 'relu6', alpha: 0, f: (v: number) => Math.min(Math.max(v, 0), 6) },
    { activation: 'leaky_relu', alpha: 0.01, f: (v: number) => (v < 0 ? 0.01 * v : v) },
    { activation: 'elu', alpha: 0.5, f: (v: number) => (v < 0 ? 0.5 * (Math.exp(v) - 1) : v) },
    {
      activation: 'selu',
      alpha: 0,
      f: (v: number) => 1.0507009873554805 * (v < 0 ? 1.6732632423543772 * (Math.exp(v) - 1) : v),
    },
    { activation: 'gelu', alpha: 0, f: (v: number) => 0.5 * v * (1 + erf(v / Math.SQRT2)) },
    { activation: 'sigmoid', alpha: 0, f: (v: number) => 1 / (1 + Math.exp(-v)) },
    { activation: 'tanh', alpha: 0, f: Math.tanh },
  ] as const;

  it.each(cases)('computes $activation (alpha $alpha)', ({ activation, alpha, f }) => {
    run({ activation, alpha }).forEach((v, i) =>
      expect(v).toBeCloseTo(f([-2, -1, 0, 1, 8][i]!), 4),
    );
  });

  it('uses the op alpha for leaky_relu, not the tfjs default of 0.3', () => {
    expect(run({ activation: 'leaky_relu', alpha: 0.01 })[0]).toBeCloseTo(-0.02, 6);
  });

  it('takes softmax over the channels', () => {
    const c = shape(4, 3, 3);
    const model = buildModel(
      chain(c, (f) => [mk.activation('a/sm', f, c, { activation: 'softmax' })]),
    );
    const y = model.predict(tf.randomNormal([2, 3, 3, 4], 0, 3, 'float32', 2)) as tf.Tensor;
    tf.sum(y, -1)
      .dataSync()
      .forEach((s) => expect(s).toBeCloseTo(1, 5));
  });
});

describe('dropout ops', () => {
  it('drops whole channels when spatial, and nothing at inference', async () => {
    const x = shape(64, 4, 4);
    const model = buildModel(
      chain(x, (f) => [mk.dropout('d/drop', f, x, { rate: 0.5, spatial: true })]),
    );
    expect(model.getLayer('d__drop').getConfig().noiseShape).toEqual([null, 1, 1, null]);
    const ones = tf.ones([1, 4, 4, 64]);
    expect(Array.from((model.predict(ones) as tf.Tensor).dataSync()).every((v) => v === 1)).toBe(
      true,
    );
    const trained = model.getLayer('d__drop').apply(ones, { training: true }) as tf.Tensor;
    const perChannel = (await tf
      .transpose(trained, [3, 0, 1, 2])
      .reshape([64, 16])
      .array()) as number[][];
    // Each channel is all zeros or all 2 (kept and scaled by 1 / (1 − rate)); some of each.
    expect(perChannel.every((c) => c.every((v) => v === c[0]))).toBe(true);
    expect(new Set(perChannel.map((c) => c[0]))).toEqual(new Set([0, 2]));
  });

  it('builds plain dropout in 1D', () => {
    const x = shape(3, 10);
    buildAndRun(
      chain(x, (f) => [mk.dropout('d/drop', f, x, { rate: 0.2 })]),
      p(0),
      [10, 3],
    );
  });
});
