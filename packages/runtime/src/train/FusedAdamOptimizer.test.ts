import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, seededValues } from '../../test/gradCases';
import { initBackend } from '../backend/initBackend';
import { withTfjsKernels } from '../kernels/registerTrainingKernels';
import { FusedAdamOptimizer } from './FusedAdamOptimizer';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const SHAPES = [[3, 3, 4, 5], [7], [2, 2, 3, 1], [1]];

/** Trains a fresh set of variables `steps` Adam steps on fixed gradients; returns the weights. */
async function train(optimizer: tf.Optimizer, tag: string, steps: number) {
  const vars = SHAPES.map((shape, i) => {
    const n = shape.reduce((a, b) => a * b, 1);
    return tf.variable(tf.tensor(seededValues(n, 10 + i), shape), true, `${tag}_${i}`);
  });
  for (let s = 0; s < steps; s++) {
    const grads: tf.NamedTensorMap = {};
    vars.forEach((v, i) => {
      // Gradients of two sizes, so the moments see both.
      grads[v.name] = tf.mul(
        tf.tensor(seededValues(v.size, 100 * s + i), v.shape),
        s % 2 ? 3 : 0.5,
      );
    });
    optimizer.applyGradients(grads);
    tf.dispose(Object.values(grads));
  }
  const weights = vars.map((v) => Array.from(v.dataSync()));
  const state = await optimizer.getWeights();
  const moments = state.map((w) => Array.from(w.tensor.dataSync()));
  tf.dispose(vars);
  optimizer.dispose();
  return { weights, moments };
}

function expectClose(a: number[][], b: number[][], tolerance: number) {
  expect(a.length).toBe(b.length);
  a.forEach((x, i) => {
    const { maxDiff, scale } = compare(x, b[i]!);
    expect(maxDiff).toBeLessThanOrEqual(tolerance * Math.max(1, scale));
  });
}

describe.each(['cpu', 'wasm'] as const)('FusedAdamOptimizer on %s', (backend) => {
  it('trains as tfjs Adam does: weights, moments and β powers after 6 steps', async () => {
    await initBackend(backend);
    const ours = await train(new FusedAdamOptimizer(0.01, 0.9, 0.999), `f${backend}`, 6);
    const ref = await train(tf.train.adam(0.01), `r${backend}`, 6);
    expectClose(ours.weights, ref.weights, 1e-6);
    expect(ours.moments.length).toBe(ref.moments.length);
    expectClose(ours.moments, ref.moments, 1e-6);
    // The weights moved: the comparison is not between two untouched sets.
    expect(ours.weights[0]![0]).not.toBe(seededValues(1, 10)[0]);
  });

  it('runs one update kernel per variable instead of tfjs element-wise kernels', async () => {
    await initBackend(backend);
    const optimizer = new FusedAdamOptimizer(0.01, 0.9, 0.999);
    const v = tf.variable(tf.ones([4, 4]), true, `k${backend}`);
    const g = tf.onesLike(v);
    const profile = await tf.profile(() => optimizer.applyGradients({ [v.name]: g }));
    const names = profile.kernels.map((k) => k.name);
    expect(names).toContain('UnetStudioAdamUpdate');
    expect(names).not.toContain('Sqrt');
    tf.dispose([v, g]);
    optimizer.dispose();
  });

  it("is tfjs's Adam when tfjs's kernels are put back", async () => {
    await initBackend(backend);
    const ours = await withTfjsKernels(backend, () =>
      train(new FusedAdamOptimizer(0.01, 0.9, 0.999), `t${backend}`, 3),
    );
    const ref = await train(tf.train.adam(0.01), `u${backend}`, 3);
    expect(ours.weights).toEqual(ref.weights);
  });
});
