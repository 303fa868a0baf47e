import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SymDim } from '@unet-studio/compiler';
import { buildAndRun, channelsLast } from './buildTestSupport';
import { buildModel } from './buildModel';
import { chain, mk, shape } from './testOps';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const none = { trainable: 0, nonTrainable: 0 };

describe('pool ops', () => {
  const cases = [
    { name: 'max 2 valid (2D, odd → floor)', x: shape(2, 9, 8), out: shape(2, 4, 4), over: {} },
    {
      name: 'max 2 same (2D, odd → ceil)',
      x: shape(2, 9, 8),
      out: shape(2, 5, 4),
      over: { padding: 'same' },
    },
    {
      name: 'avg 3 stride 2 same (2D)',
      x: shape(2, 9, 8),
      out: shape(2, 5, 4),
      over: { mode: 'avg', window: [3, 3], padding: 'same' },
    },
    {
      name: 'max window 3 stride 2 same (1D)',
      x: shape(2, 15),
      out: shape(2, 8),
      over: { window: [3], stride: [2], padding: 'same' },
    },
    { name: 'avg 2 valid (1D)', x: shape(2, 15), out: shape(2, 7), over: { mode: 'avg' } },
  ] as const;
  it.each(cases)('builds $name', ({ x, out, over }) => {
    buildAndRun(
      chain(x, (f) => [mk.pool('p/pool', f, out, over)]),
      none,
      channelsLast(out),
    );
  });

  it('averages windows', () => {
    const x = shape(1, 2, 2);
    const model = buildModel(
      chain(x, (f) => [mk.pool('p/pool', f, shape(1, 1, 1), { mode: 'avg' })]),
    );
    expect(
      (model.predict(tf.tensor4d([1, 2, 3, 6], [1, 2, 2, 1])) as tf.Tensor).dataSync()[0],
    ).toBe(3);
  });
});

describe('upsample and resize ops', () => {
  const cases = [
    { name: 'nearest ×2 (2D)', x: shape(3, 4, 5), out: shape(3, 8, 10), over: {} },
    {
      name: 'bilinear ×2 align corners (2D)',
      x: shape(3, 4, 5),
      out: shape(3, 8, 10),
      over: { mode: 'bilinear', alignCorners: true },
    },
    {
      name: 'bilinear ×(2, 3) half-pixel (2D)',
      x: shape(3, 4, 5),
      out: shape(3, 8, 15),
      over: { mode: 'bilinear', factor: [2, 3] },
    },
    { name: 'nearest ×4 (1D)', x: shape(2, 6), out: shape(2, 24), over: { factor: [4] } },
    { name: 'linear ×2 (1D)', x: shape(2, 6), out: shape(2, 12), over: { mode: 'bilinear' } },
  ] as const;
  it.each(cases)('builds $name', ({ x, out, over }) => {
    buildAndRun(
      chain(x, (f) => [mk.upsample('u/up', f, out, over)]),
      none,
      channelsLast(out),
    );
  });

  it('interpolates a 1D signal like PyTorch linear with align_corners=True', () => {
    const x = shape(1, 2);
    const model = buildModel(
      chain(x, (f) => [
        mk.upsample('u/up', f, shape(1, 4), { mode: 'bilinear', alignCorners: true }),
      ]),
    );
    const y = (model.predict(tf.tensor3d([0, 3], [1, 2, 1])) as tf.Tensor).dataSync();
    Array.from(y).forEach((v, i) => expect(v).toBeCloseTo([0, 1, 2, 3][i]!, 5));
  });

  it('resizes an open-size map to the size of an earlier map with the same size expression', () => {
    const H: SymDim = { sym: 'H', a: [1, 1], b: [0, 1] };
    const W: SymDim = { sym: 'W', a: [1, 1], b: [0, 1] };
    const half = (d: SymDim): SymDim => ({ ...d, a: [1, 2] });
    const compiled = chain({ channels: 2, spatial: [H, W] }, (f) => [
      mk.pool('p/pool', f, { channels: 2, spatial: [half(H), half(W)] }, { padding: 'same' }),
      mk.resize('s/rs', ['p/pool'], { channels: 2, spatial: [H, W] }),
    ]);
    const model = buildModel(compiled);
    const y = model.predict(tf.ones([1, 9, 7, 2])) as tf.Tensor;
    expect(y.shape).toEqual([1, 9, 7, 2]);
    expect(Array.from(y.dataSync()).every((v) => Math.abs(v - 1) < 1e-6)).toBe(true);
  });

  it('refuses an open-size resize with no map of the target size', () => {
    const H: SymDim = { sym: 'H', a: [1, 1], b: [0, 1] };
    const compiled = chain({ channels: 1, spatial: [H, 8] }, (f) => [
      mk.resize('s/rs', [f], { channels: 1, spatial: [{ ...H, a: [2, 1] }, 8] }),
    ]);
    expect(() => buildModel(compiled)).toThrow(
      /op "s\/rs" \(resize\): its target size depends on the open input size/,
    );
  });

  it('resizes to the op size (2D and 1D)', () => {
    buildAndRun(
      chain(shape(2, 7, 6), (f) => [mk.resize('r/rs', [f], shape(2, 9, 4))]),
      none,
      [9, 4, 2],
    );
    buildAndRun(
      chain(shape(2, 7), (f) => [mk.resize('r/rs', [f], shape(2, 10))]),
      none,
      [10, 2],
    );
  });
});

describe('crop, pad, add and concat ops', () => {
  it('crops [begin, begin + size) on each axis', () => {
    const x = shape(1, 4, 5);
    const model = buildModel(chain(x, (f) => [mk.crop('c/crop', f, shape(1, 2, 2), [1, 2])]));
    const y = model.predict(tf.range(0, 20).reshape([1, 4, 5, 1])) as tf.Tensor;
    expect(Array.from(y.dataSync())).toEqual([7, 8, 12, 13]);
  });

  it('crops in 1D', () => {
    buildAndRun(
      chain(shape(3, 20), (f) => [mk.crop('c/crop', f, shape(3, 12), [4])]),
      none,
      [12, 3],
    );
  });

  it('pads with zeros before and after', () => {
    const x = shape(1, 1, 2);
    const model = buildModel(chain(x, (f) => [mk.pad('p/pad', f, shape(1, 2, 5), [1, 2], [0, 1])]));
    const y = model.predict(tf.tensor4d([5, 6], [1, 1, 2, 1])) as tf.Tensor;
    expect(Array.from(y.dataSync())).toEqual([0, 0, 0, 0, 0, 0, 0, 5, 6, 0]);
  });

  it('pads in 1D', () => {
    buildAndRun(
      chain(shape(3, 10), (f) => [mk.pad('p/pad', f, shape(3, 13), [1], [2])]),
      none,
      [13, 3],
    );
  });

  it('adds and concatenates channels in input order', () => {
    const x = shape(2, 3, 3);
    const compiled = chain(x, (f) => [
      mk.activation('a/relu', f, x),
      mk.add('s/add', [f, 'a/relu'], x),
      mk.concat('s/cat', ['s/add', f], shape(4, 3, 3)),
    ]);
    const { model } = buildAndRun(compiled, none, [3, 3, 4]);
    const input = tf.randomNormal([1, 3, 3, 2], 0, 1, 'float32', 5);
    const y = model.predict(input) as tf.Tensor;
    const [sum, orig] = tf.split(y, [2, 2], -1);
    expect(Array.from(orig!.dataSync())).toEqual(Array.from(input.dataSync()));
    const expected = tf.add(input, tf.relu(input)).dataSync();
    Array.from(sum!.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it('adds and concatenates in 1D', () => {
    const x = shape(2, 8);
    const compiled = chain(x, (f) => [
      mk.add('s/add', [f, f], x),
      mk.concat('s/cat', [f, 's/add', f], shape(6, 8)),
    ]);
    buildAndRun(compiled, none, [8, 6]);
  });
});
