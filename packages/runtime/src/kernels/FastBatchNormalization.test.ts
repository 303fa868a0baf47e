import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { compare, seededValues } from '../../test/gradCases';
import { initBackend } from '../backend/initBackend';
import { FastBatchNormalization } from './FastBatchNormalization';

afterAll(async () => {
  await tf.setBackend('cpu');
});

// Fused float64 statistics against tfjs's float32 graph, through three Adam steps: weights and
// statistics agree to max |Δ| ≤ 1e-4 · max(1, max |reference|).
const TOL = 1e-4;

type Norm = (args: { axis: number; momentum: number; epsilon: number }) => tf.layers.Layer;
const fast: Norm = (args) => new FastBatchNormalization(args);
const stock: Norm = (args) => tf.layers.batchNormalization(args);

function model(norm: Norm, axis = -1): tf.LayersModel {
  const input = tf.input({ shape: [6, 5, 3] });
  const conv = tf.layers.conv2d({
    filters: 4,
    kernelSize: 3,
    padding: 'same',
    useBias: false,
    kernelInitializer: tf.initializers.glorotNormal({ seed: 5 }),
  });
  const bn = norm({ axis, momentum: 0.9, epsilon: 1e-3 });
  const relu = tf.layers.reLU();
  const head = tf.layers.conv2d({
    filters: 1,
    kernelSize: 1,
    kernelInitializer: tf.initializers.glorotNormal({ seed: 6 }),
  });
  const out = head.apply(relu.apply(bn.apply(conv.apply(input)))) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: out });
}

/** Loss of each of three Adam steps, then every weight (γ, β, moving mean and variance too). */
function train(m: tf.LayersModel): { losses: number[]; weights: Float32Array[] } {
  const x = tf.tensor4d(seededValues(4 * 6 * 5 * 3, 1), [4, 6, 5, 3]);
  const y = tf.tensor4d(seededValues(4 * 6 * 5, 2), [4, 6, 5, 1]);
  const optimizer = tf.train.adam(0.05);
  const losses: number[] = [];
  for (let i = 0; i < 3; i++) {
    const loss = optimizer.minimize(
      () => tf.losses.meanSquaredError(y, m.apply(x, { training: true }) as tf.Tensor),
      true,
    );
    losses.push(loss!.dataSync()[0]!);
    loss!.dispose();
  }
  optimizer.dispose();
  tf.dispose([x, y]);
  return { losses, weights: m.getWeights().map((w) => w.dataSync() as Float32Array) };
}

function expectSameTraining(norm: Norm, axis = -1): void {
  const a = model(norm, axis);
  const b = model(stock, axis);
  b.setWeights(a.getWeights());
  const ours = train(a);
  const theirs = train(b);
  const { maxDiff, scale } = compare(ours.losses, theirs.losses);
  expect(maxDiff).toBeLessThanOrEqual(TOL * Math.max(1, scale));
  ours.weights.forEach((w, i) => {
    const d = compare(w, theirs.weights[i]!);
    expect(d.maxDiff, a.weights[i]!.name).toBeLessThanOrEqual(TOL * Math.max(1, d.scale));
  });
  a.dispose();
  b.dispose();
}

describe('FastBatchNormalization', () => {
  it('serializes exactly as the stock layer, so stock tfjs loads it', async () => {
    await initBackend('cpu');
    const args = { name: 'bn', axis: -1, momentum: 0.9, epsilon: 1e-5 };
    const ours = new FastBatchNormalization(args);
    expect(ours.getClassName()).toBe('BatchNormalization');
    expect(ours.getConfig()).toEqual(tf.layers.batchNormalization(args).getConfig());
    const json = model(fast).toJSON(null, false) as { config: { layers: unknown[] } };
    expect(JSON.stringify(json)).toContain('"class_name":"BatchNormalization"');
    expect(() => tf.layers.batchNormalization(ours.getConfig())).not.toThrow();
  });

  it.each(['cpu', 'wasm'] as const)(
    'trains like the stock layer on %s (losses, weights, moving statistics)',
    async (backend) => {
      await initBackend(backend);
      expectSameTraining(fast);
    },
  );

  it('runs the fused kernels in training only, and the stock graph otherwise', async () => {
    await initBackend('wasm');
    const m = model(fast);
    const x = tf.tensor4d(seededValues(2 * 6 * 5 * 3, 3), [2, 6, 5, 3]);
    const kernels = async (training: boolean) =>
      (await tf.profile(() => tf.dispose(m.apply(x, { training }) as tf.Tensor))).kernelNames;
    expect(await kernels(true)).toContain('UnetStudioBatchNormTraining');
    expect(await kernels(true)).not.toContain('FusedBatchNorm');
    expect(await kernels(false)).not.toContain('UnetStudioBatchNormTraining');
    tf.dispose(x);
    m.dispose();
  });

  it('falls back to the stock graph when the axis is not the last one', async () => {
    await initBackend('wasm');
    expectSameTraining(fast, 1);
  });
});
