import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, seededValues } from '../../test/gradCases';
import { originalBatchNormGradient, registerBatchNormGradient } from './batchNormGradient';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Gradients of Σ w ⊙ batchNorm(x, moments(x), offset, scale) w.r.t. x, offset and scale. */
function gradients(): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor4d(seededValues(2 * 5 * 3 * 4, 1), [2, 5, 3, 4]);
    const w = tf.tensor4d(seededValues(2 * 5 * 3 * 4, 2), [2, 5, 3, 4]);
    const offset = tf.tensor1d([0.1, -0.2, 0.3, 0]);
    const scale = tf.tensor1d([1.5, 0.5, -1, 2]);
    const f = (a: tf.Tensor, o: tf.Tensor, s: tf.Tensor) => {
      const { mean, variance } = tf.moments(a, [0, 1, 2]);
      return tf.sum(tf.mul(w, tf.batchNorm(a as tf.Tensor4D, mean, variance, o, s, 1e-3)));
    };
    return tf
      .grads(f)([x, offset, scale])
      .map((g) => g.dataSync() as Float32Array);
  });
}

describe('FusedBatchNorm gradient', () => {
  it('gives the same gradients as tfjs, without Tile', async () => {
    const before = gradients();
    registerBatchNormGradient();
    expect(originalBatchNormGradient()?.kernelName).toBe('FusedBatchNorm');
    const after = gradients();
    after.forEach((g, i) => {
      const { maxDiff, scale } = compare(g, before[i]!);
      // Same formulas, evaluated in another order: float32 rounding only.
      expect(maxDiff).toBeLessThanOrEqual(1e-5 * Math.max(1, scale));
    });
    const profile = await tf.profile(() => {
      gradients();
    });
    expect(profile.kernelNames).not.toContain('Tile');
  });
});
