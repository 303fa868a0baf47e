import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/initBackend';
import { isTrainingKernelRegistered } from './registerTrainingKernels';

/** The gradient of sum(maxPool(x) · w) with respect to x, on `backend`. */
async function poolGrad(
  backend: string,
  x: number[],
  shape: [number, number, number, number],
  window: [number, number],
  stride: [number, number],
  pad: 'same' | 'valid',
): Promise<Float32Array> {
  await tf.setBackend(backend);
  return tf.tidy(() => {
    const input = tf.tensor4d(x, shape);
    const f = (t: tf.Tensor): tf.Tensor => {
      const y = tf.maxPool(t as tf.Tensor4D, window, stride, pad);
      const w = tf.range(1, y.size + 1).reshape(y.shape);
      return tf.sum(tf.mul(y, w));
    };
    return tf.grad(f)(input).dataSync() as Float32Array;
  });
}

beforeAll(async () => {
  await initBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('wasm MaxPoolGrad', () => {
  it('is the registered wasm kernel', () => {
    expect(isTrainingKernelRegistered('MaxPoolGrad', 'wasm')).toBe(true);
  });

  const cases: [
    string,
    [number, number, number, number],
    [number, number],
    [number, number],
    'same' | 'valid',
  ][] = [
    ['2×2 s2 valid, even', [2, 6, 8, 3], [2, 2], [2, 2], 'valid'],
    ['2×2 s2 valid, odd 7×9', [1, 7, 9, 2], [2, 2], [2, 2], 'valid'],
    ['3×3 s2 same (heliaEDGE), 9×11', [2, 9, 11, 2], [3, 3], [2, 2], 'same'],
    ['1×3 s1×2 same (1D as 2D)', [2, 1, 13, 4], [1, 3], [1, 2], 'same'],
    ['3×3 s1 same, overlapping', [1, 5, 6, 1], [3, 3], [1, 1], 'same'],
  ];

  it.each(cases)(
    'matches the cpu kernel with all-negative and tied values: %s',
    async (_n, shape, window, stride, pad) => {
      const size = shape.reduce((a, b) => a * b, 1);
      // Non-positive values (what a leaky ReLU leaves) with ties, where the wasm kernel was wrong.
      const x = Array.from({ length: size }, (_, i) => -((i * 7919) % 13) / 4);
      const cpu = await poolGrad('cpu', x, shape, window, stride, pad);
      const wasm = await poolGrad('wasm', x, shape, window, stride, pad);
      expect(Array.from(wasm)).toEqual(Array.from(cpu));
    },
  );
});
