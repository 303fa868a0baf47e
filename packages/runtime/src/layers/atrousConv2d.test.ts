import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { atrousConv2d } from './atrousConv2d';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Direct-loop dilated convolution with TensorFlow padding, the reference for strided cases. */
function referenceConv(
  x: tf.Tensor4D,
  f: tf.Tensor4D,
  stride: [number, number],
  dilation: [number, number],
  padding: 'same' | 'valid',
): { data: Float32Array; shape: number[] } {
  const [b = 0, h = 0, w = 0, cin = 0] = x.shape;
  const [kh = 0, kw = 0, , cout = 0] = f.shape;
  const xs = x.dataSync();
  const fs = f.dataSync();
  const axis = (n: number, k: number, s: number, d: number) => {
    const span = (k - 1) * d + 1;
    const out = padding === 'same' ? Math.ceil(n / s) : Math.floor((n - span) / s) + 1;
    const total = padding === 'same' ? Math.max((out - 1) * s + span - n, 0) : 0;
    return { out, before: Math.floor(total / 2) };
  };
  const ah = axis(h, kh, stride[0], dilation[0]);
  const aw = axis(w, kw, stride[1], dilation[1]);
  const data = new Float32Array(b * ah.out * aw.out * cout);
  for (let n = 0; n < b; n++)
    for (let i = 0; i < ah.out; i++)
      for (let j = 0; j < aw.out; j++)
        for (let o = 0; o < cout; o++) {
          let acc = 0;
          for (let p = 0; p < kh; p++)
            for (let q = 0; q < kw; q++) {
              const r = i * stride[0] + p * dilation[0] - ah.before;
              const c = j * stride[1] + q * dilation[1] - aw.before;
              if (r < 0 || r >= h || c < 0 || c >= w) continue;
              for (let ci = 0; ci < cin; ci++) {
                acc +=
                  xs[((n * h + r) * w + c) * cin + ci]! * fs[((p * kw + q) * cin + ci) * cout + o]!;
              }
            }
          data[((n * ah.out + i) * aw.out + j) * cout + o] = acc;
        }
  return { data, shape: [b, ah.out, aw.out, cout] };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

describe('atrousConv2d', () => {
  const cases = [
    { h: 13, w: 16, k: [3, 3], d: [2, 2], padding: 'same' },
    { h: 13, w: 16, k: [3, 3], d: [2, 2], padding: 'valid' },
    { h: 9, w: 11, k: [3, 2], d: [3, 2], padding: 'same' },
    { h: 1, w: 20, k: [1, 5], d: [1, 4], padding: 'same' },
    { h: 10, w: 10, k: [2, 2], d: [4, 4], padding: 'valid' },
  ] as const;

  it.each(cases)('matches tf.conv2d with dilations ($h×$w, k $k, d $d, $padding)', (c) => {
    const x = tf.randomNormal<tf.Rank.R4>([2, c.h, c.w, 3], 0, 1, 'float32', 1);
    const f = tf.randomNormal<tf.Rank.R4>([c.k[0], c.k[1], 3, 4], 0, 1, 'float32', 2);
    const ours = atrousConv2d(x, f, {
      strides: [1, 1],
      dilation: c.d,
      padding: c.padding,
      depthwise: false,
    });
    const theirs = tf.conv2d(x, f, 1, c.padding, 'NHWC', [c.d[0], c.d[1]]);
    expect(ours.shape).toEqual(theirs.shape);
    expect(maxAbsDiff(ours.dataSync(), theirs.dataSync())).toBeLessThan(1e-4);
  });

  it('matches tf.depthwiseConv2d with dilations', () => {
    const x = tf.randomNormal<tf.Rank.R4>([1, 12, 15, 3], 0, 1, 'float32', 3);
    const f = tf.randomNormal<tf.Rank.R4>([3, 3, 3, 1], 0, 1, 'float32', 4);
    const ours = atrousConv2d(x, f, {
      strides: [1, 1],
      dilation: [2, 3],
      padding: 'same',
      depthwise: true,
    });
    const theirs = tf.depthwiseConv2d(x, f, 1, 'same', 'NHWC', [2, 3]);
    expect(ours.shape).toEqual(theirs.shape);
    expect(maxAbsDiff(ours.dataSync(), theirs.dataSync())).toBeLessThan(1e-4);
  });

  it.each([
    { h: 13, w: 16, s: [2, 2], d: [2, 2], padding: 'same' },
    { h: 14, w: 9, s: [2, 3], d: [2, 1], padding: 'same' },
    { h: 15, w: 15, s: [2, 2], d: [2, 2], padding: 'valid' },
  ] as const)('applies stride $s with dilation $d ($padding) like a direct convolution', (c) => {
    const x = tf.randomNormal<tf.Rank.R4>([1, c.h, c.w, 2], 0, 1, 'float32', 5);
    const f = tf.randomNormal<tf.Rank.R4>([3, 3, 2, 3], 0, 1, 'float32', 6);
    const ours = atrousConv2d(x, f, {
      strides: c.s,
      dilation: c.d,
      padding: c.padding,
      depthwise: false,
    });
    const ref = referenceConv(x, f, [c.s[0], c.s[1]], [c.d[0], c.d[1]], c.padding);
    expect(ours.shape).toEqual(ref.shape);
    expect(maxAbsDiff(ours.dataSync(), ref.data)).toBeLessThan(1e-4);
  });

  it('has gradients that match central finite differences', () => {
    const x = tf.randomNormal<tf.Rank.R4>([1, 9, 10, 2], 0, 1, 'float32', 7);
    const f = tf.randomNormal<tf.Rank.R4>([3, 3, 2, 2], 0, 1, 'float32', 8);
    const opts = { strides: [1, 1], dilation: [2, 2], padding: 'same', depthwise: false } as const;
    const weights = tf.randomNormal([1, 9, 10, 2], 0, 1, 'float32', 9);
    const loss = (xx: tf.Tensor4D, ff: tf.Tensor4D) =>
      atrousConv2d(xx, ff, opts).mul(weights).sum();
    const [gx, gf] = tf.grads((xx: tf.Tensor, ff: tf.Tensor) =>
      loss(xx as tf.Tensor4D, ff as tf.Tensor4D),
    )([x, f]);
    const eps = 1e-2;
    const probe = (t: tf.Tensor4D, flat: number, other: tf.Tensor4D, isX: boolean): number => {
      const bump = (sign: number) => {
        const data = Float32Array.from(t.dataSync());
        data[flat] = data[flat]! + sign * eps;
        const moved = tf.tensor4d(data, t.shape);
        return (isX ? loss(moved, other) : loss(other, moved)).dataSync()[0]!;
      };
      return (bump(1) - bump(-1)) / (2 * eps);
    };
    const gxs = gx!.dataSync();
    const gfs = gf!.dataSync();
    for (const i of [0, 17, 55, 101, 179]) {
      expect(probe(x, i, f, true)).toBeCloseTo(gxs[i]!, 1);
    }
    for (const i of [0, 5, 13, 22, 35]) {
      expect(probe(f, i, x, false)).toBeCloseTo(gfs[i]!, 1);
    }
    // The gradient is not trivially zero.
    expect(Math.max(...Array.from(gfs, Math.abs))).toBeGreaterThan(1);
  });

  it('explains an input smaller than the dilated kernel', () => {
    const x = tf.zeros<tf.Rank.R4>([1, 4, 4, 1]);
    const f = tf.zeros<tf.Rank.R4>([3, 3, 1, 1]);
    expect(() =>
      atrousConv2d(x, f, { strides: [1, 1], dilation: [3, 3], padding: 'valid', depthwise: false }),
    ).toThrow(/smaller than the dilated kernel/);
  });
});
