import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/initBackend';
import { buildModel } from '../build/buildModel';
import { compiledFromOps, mk, open, sym } from '../build/testOps';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Every custom layer in one small model, on a non-square input. Convs before a norm have no bias,
 * as in real designs: its gradient is zero up to rounding there, which no tolerance can compare.
 * The pool averages: tfjs's wasm MaxPoolGrad misroutes the gradient of windows whose maximum is
 * not positive, which is a kernel matter, not a layer one.
 */
function everyCustomLayer() {
  const [H, W, h2, w2] = [sym('H'), sym('W'), sym('H', 1, 2), sym('W', 1, 2)];
  return compiledFromOps([
    mk.input('in/x', open(2, H, W)),
    mk.conv('a/conv', 'in/x', open(4, H, W), 2, { dilation: [2, 2], bias: false }),
    mk.norm('a/gn', 'a/conv', open(4, H, W), { norm: 'group', groups: 2 }),
    mk.activation('a/elu', 'a/gn', open(4, H, W), { activation: 'elu', alpha: 0.5 }),
    mk.pool('p/pool', 'a/elu', open(4, h2, w2), { mode: 'avg' }),
    mk.conv('b/conv', 'p/pool', open(6, h2, w2), 4, {
      separable: true,
      dilation: [2, 2],
      bias: false,
    }),
    mk.norm('b/in', 'b/conv', open(6, h2, w2), { norm: 'instance' }),
    mk.upsample('u/up', 'b/in', open(6, H, W), { mode: 'bilinear' }),
    mk.crop('s/crop', 'a/elu', open(4, H, W), [0, 0]),
    mk.concat('s/cat', ['s/crop', 'u/up'], open(10, H, W)),
    mk.conv('head/conv', 's/cat', open(3, H, W), 10, { kernel: [1, 1] }),
    mk.output('out/y', 'head/conv', open(3, H, W)),
  ]);
}

async function gradientsOn(backend: 'cpu' | 'wasm'): Promise<Float32Array[]> {
  await initBackend(backend);
  expect(tf.getBackend()).toBe(backend);
  const model = buildModel(everyCustomLayer(), { seed: 3 });
  const x = tf.randomNormal([2, 12, 10, 2], 0, 1, 'float32', 1);
  const target = tf.randomNormal([2, 12, 10, 3], 0, 1, 'float32', 2);
  const { grads } = tf.variableGrads(() =>
    tf.losses.meanSquaredError(target, model.apply(x, { training: true }) as tf.Tensor).asScalar(),
  );
  return model.trainableWeights.map((w) => {
    // A LayerVariable reads as the tf.Variable that variableGrads keys its gradients by.
    const { name } = w.read() as tf.Variable;
    return grads[name]!.dataSync() as Float32Array;
  });
}

describe('custom layers on the cpu and wasm backends', () => {
  it('give the same gradients for every weight', async () => {
    const cpu = await gradientsOn('cpu');
    const wasm = await gradientsOn('wasm');
    expect(wasm).toHaveLength(cpu.length);
    cpu.forEach((a, i) => {
      const b = wasm[i]!;
      const scale = Math.max(...Array.from(a, Math.abs));
      expect(scale).toBeGreaterThan(0);
      const worst = Math.max(...Array.from(a, (v, j) => Math.abs(v - b[j]!)));
      expect(worst / scale).toBeLessThan(1e-4);
    });
  });
});
