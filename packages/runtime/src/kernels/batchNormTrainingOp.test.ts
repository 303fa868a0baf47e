import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, seededValues } from '../../test/gradCases';
import { initBackend } from '../backend/initBackend';
import { batchNormTraining, hasBatchNormTraining } from './batchNormTrainingOp';

afterAll(async () => {
  await tf.setBackend('cpu');
});

// Float32 data, float64 sums in the fused kernels, float32 sums in tfjs's graph: the two agree to
// max |Δ| ≤ 2e-5 · max(1, max |reference|).
const TOL = 2e-5;

const SHAPES: readonly number[][] = [
  [3, 5, 7, 4],
  [2, 9, 1, 3],
  [11, 6],
  [2, 13, 5],
];

interface Case {
  readonly x: tf.Tensor;
  readonly gamma: tf.Tensor1D;
  readonly beta: tf.Tensor1D;
  /** Weights of the output and of the returned statistics in the test's scalar. */
  readonly w: tf.Tensor;
  readonly u: tf.Tensor1D;
  readonly v: tf.Tensor1D;
}

function makeCase(shape: number[], seed: number): Case {
  const c = shape[shape.length - 1]!;
  const n = shape.reduce((a, b) => a * b, 1);
  // Channel means far from zero, as after a ReLU, to exercise the variance's cancellation.
  const x = tf.add(tf.tensor(seededValues(n, seed), shape), tf.linspace(-3, 5, c));
  return {
    x,
    gamma: tf.tensor1d(seededValues(c, seed + 1)),
    beta: tf.tensor1d(seededValues(c, seed + 2)),
    w: tf.tensor(seededValues(n, seed + 3), shape),
    u: tf.tensor1d(seededValues(c, seed + 4)),
    v: tf.tensor1d(seededValues(c, seed + 5)),
  };
}

type Norm = (x: tf.Tensor, g: tf.Tensor1D, b: tf.Tensor1D) => [tf.Tensor, tf.Tensor, tf.Tensor];

const fused: Norm = (x, g, b) => {
  const r = batchNormTraining(x, g, b, 1e-3);
  return [r.y, r.mean, r.variance];
};

/** tfjs-layers' training path: moments over all but the last axis, then batchNorm. */
const reference: Norm = (x, g, b) => {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const { mean, variance } = tf.moments(x, axes);
  const y = tf.batchNorm(x, mean, variance, b, g, 1e-3);
  return [y, mean, variance];
};

/** Outputs, then gradients of Σ w·y (+ Σ u·mean + Σ v·variance) w.r.t. x, γ and β. */
function run(norm: Norm, k: Case, withStats: boolean): Float32Array[] {
  return tf.tidy(() => {
    const outputs = norm(k.x, k.gamma, k.beta);
    const f = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
      const [y, mean, variance] = norm(x, g as tf.Tensor1D, b as tf.Tensor1D);
      const out = tf.sum(tf.mul(k.w, y));
      return withStats
        ? tf.addN([out, tf.sum(tf.mul(k.u, mean)), tf.sum(tf.mul(k.v, variance))])
        : out;
    };
    const grads = tf.grads(f)([k.x, k.gamma, k.beta]);
    return [...outputs, ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

describe.each(['cpu', 'wasm'] as const)('fused batch norm in training on %s', (backend) => {
  it('is registered', async () => {
    await initBackend(backend);
    expect(tf.getBackend()).toBe(backend);
    expect(hasBatchNormTraining()).toBe(true);
  });

  it.each(SHAPES.flatMap((s, i) => [true, false].map((stats) => [s, stats, i] as const)))(
    'matches moments + batchNorm, outputs and gradients: %j (statistics used: %s)',
    async (shape, withStats, i) => {
      await initBackend(backend);
      const k = makeCase([...shape], 10 * i + 1);
      const ours = run(fused, k, withStats);
      const theirs = run(reference, k, withStats);
      const names = ['y', 'mean', 'variance', 'dx', 'dγ', 'dβ'];
      ours.forEach((a, j) => {
        const { maxDiff, scale } = compare(a, theirs[j]!);
        expect(maxDiff, names[j]).toBeLessThanOrEqual(TOL * Math.max(1, scale));
      });
      tf.dispose(Object.values(k));
    },
  );

  it('takes one kernel each way and leaks no tensors', async () => {
    await initBackend(backend);
    const k = makeCase([2, 4, 4, 3], 7);
    run(fused, k, false);
    const before = tf.memory().numTensors;
    const profile = await tf.profile(() => {
      run(fused, k, false);
    });
    expect(tf.memory().numTensors).toBe(before);
    const names = profile.kernelNames;
    for (const unwanted of ['Mean', 'FusedBatchNorm', 'Sub', 'Square']) {
      expect(names).not.toContain(unwanted);
    }
    tf.dispose(Object.values(k));
  });

  it('names a bad input', async () => {
    await initBackend(backend);
    const x = tf.zeros([2, 3, 4]);
    expect(() => batchNormTraining(x, tf.ones([3]), tf.zeros([4]), 1e-3)).toThrow(
      /"scale" must have shape \[4\], got \[3\]/,
    );
    expect(() => batchNormTraining(tf.zeros([4]), tf.ones([4]), tf.zeros([4]), 1e-3)).toThrow(
      /x must be \[\.\.\., channels\]/,
    );
    tf.dispose(x);
  });
});
