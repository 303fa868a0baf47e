import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, seededValues } from '../../test/gradCases';
import { initBackend } from '../backend/initBackend';
import { isTrainingKernelRegistered, replacedKernel } from './registerTrainingKernels';

beforeAll(async () => {
  await initBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

/** tfjs's own wasm Sum, as a reference. */
function theirs(x: tf.Tensor, axis: number[], keepDims: boolean): { shape: number[]; v: number[] } {
  const out = replacedKernel('Sum', 'wasm')!({
    inputs: { x },
    backend: tf.backend(),
    attrs: { axis, keepDims },
  }) as tf.TensorInfo;
  const v = Array.from(tf.backend().readSync(out.dataId) as Float32Array);
  tf.backend().disposeData(out.dataId);
  return { shape: out.shape, v };
}

const CASES: [number[], number[], boolean][] = [
  [[3, 5, 7, 4], [0, 1, 2], false],
  [[3, 5, 7, 6], [2, 0, 1], true],
  [[2, 13, 5], [1, 0], false],
  [[11, 3], [0], true],
  [[2, 3, 2, 9], [-4, -3, -2], false],
  // Declined: not the leading axes, or every axis; tfjs's kernel answers.
  [[3, 5, 4], [1, 2], false],
  [[3, 5, 4], [0, 1, 2], false],
];

describe('wasm Sum over the leading axes', () => {
  it('is registered', () => {
    expect(isTrainingKernelRegistered('Sum', 'wasm')).toBe(true);
  });

  it.each(CASES)('matches tfjs: %j over %j (keepDims %s)', (shape, axis, keepDims) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const x = tf.add(tf.tensor(seededValues(n, 5), shape), 2);
    const ours = tf.sum(x, axis, keepDims);
    const ref = theirs(x, axis, keepDims);
    expect(ours.shape).toEqual(ref.shape);
    const { maxDiff, scale } = compare(ours.dataSync(), ref.v);
    // tfjs sums in float32, this kernel in float64.
    expect(maxDiff).toBeLessThanOrEqual(1e-5 * Math.max(1, scale));
    tf.dispose([x, ours]);
  });

  it('leaves int32 sums to tfjs', () => {
    const x = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2], 'int32');
    const s = tf.sum(x, 0);
    expect(s.dtype).toBe('int32');
    expect(Array.from(s.dataSync())).toEqual([9, 12]);
    tf.dispose([x, s]);
  });
});
