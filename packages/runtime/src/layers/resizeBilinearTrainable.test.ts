import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { interpolationMatrix, resizeBilinearTrainable } from './resizeBilinearTrainable';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('interpolationMatrix', () => {
  it('gives PyTorch half-pixel weights (align_corners=False)', () => {
    // Upsampling 2 → 4: outputs sit at source positions 0 (clamped), 0.25, 0.75, 1 (clamped edge).
    expect(Array.from(interpolationMatrix(2, 4, false))).toEqual([
      1, 0, 0.75, 0.25, 0.25, 0.75, 0, 1,
    ]);
  });

  it('gives PyTorch align_corners=True weights', () => {
    expect(Array.from(interpolationMatrix(2, 3, true))).toEqual([1, 0, 0.5, 0.5, 0, 1]);
  });
});

describe('resizeBilinearTrainable', () => {
  it.each([false, true])(
    'matches tf.image.resizeBilinear forward (alignCorners %s)',
    (alignCorners) => {
      const x = tf.randomNormal<tf.Rank.R4>([2, 5, 3, 2], 0, 1, 'float32', 1);
      const ours = resizeBilinearTrainable(x, [9, 7], alignCorners);
      const theirs = tf.image.resizeBilinear(x, [9, 7], alignCorners, !alignCorners);
      expect(tf.max(tf.abs(tf.sub(ours, theirs))).dataSync()[0]).toBeLessThan(1e-6);
    },
  );

  it.each([false, true])(
    'shrinks like the interpolation matrices (alignCorners %s)',
    (alignCorners) => {
      const x = tf.randomNormal<tf.Rank.R4>([1, 7, 1, 1], 0, 1, 'float32', 4);
      const y = resizeBilinearTrainable(x, [4, 1], alignCorners).dataSync();
      const m = interpolationMatrix(7, 4, alignCorners);
      const xs = x.dataSync();
      for (let o = 0; o < 4; o++) {
        let expected = 0;
        for (let i = 0; i < 7; i++) expected += m[o * 7 + i]! * xs[i]!;
        expect(y[o]).toBeCloseTo(expected, 5);
      }
    },
  );

  it.each([false, true])(
    'has the gradient of its own forward pass, shaped like the input (alignCorners %s)',
    (alignCorners) => {
      const x = tf.randomNormal<tf.Rank.R4>([1, 3, 5, 2], 0, 1, 'float32', 2);
      const r = tf.randomNormal([1, 6, 8, 2], 0, 1, 'float32', 3);
      const loss = (t: tf.Tensor) =>
        resizeBilinearTrainable(t as tf.Tensor4D, [6, 8], alignCorners)
          .mul(r)
          .sum();
      const g = tf.grad(loss)(x);
      expect(g.shape).toEqual([1, 3, 5, 2]);
      // The resize is linear, so central differences of the loss are exact up to rounding.
      const xs = x.dataSync();
      for (const i of [0, 7, 13, 29]) {
        const bump = (d: number) => {
          const v = Float32Array.from(xs);
          v[i] = v[i]! + d;
          return loss(tf.tensor4d(v, [1, 3, 5, 2])).dataSync()[0]!;
        };
        expect((bump(0.5) - bump(-0.5)) / 1).toBeCloseTo(g.dataSync()[i]!, 3);
      }
    },
  );

  it("differs from tfjs's built-in gradient, which ignores half-pixel centres", () => {
    const x = tf.ones<tf.Rank.R4>([1, 4, 4, 1]);
    const r = tf.range(0, 64).reshape([1, 8, 8, 1]);
    const ours = tf.grad((t: tf.Tensor) =>
      resizeBilinearTrainable(t as tf.Tensor4D, [8, 8], false)
        .mul(r)
        .sum(),
    )(x);
    const builtin = tf.grad((t: tf.Tensor) =>
      tf.image
        .resizeBilinear(t as tf.Tensor4D, [8, 8], false, true)
        .mul(r)
        .sum(),
    )(x);
    expect(tf.max(tf.abs(tf.sub(ours, builtin))).dataSync()[0]).toBeGreaterThan(1);
  });
});
