import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cloneModel } from '../io/memory';
import { AlphaELU } from './AlphaELU';
import { registerCustomLayers } from './register';

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerCustomLayers();
});

describe('AlphaELU', () => {
  it('scales the negative part by alpha', () => {
    const y = new AlphaELU({ alpha: 0.5 }).apply(tf.tensor1d([-2, 0, 3])) as tf.Tensor;
    const expected = [0.5 * (Math.exp(-2) - 1), 0, 3];
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 6));
  });

  it('has the gradient alpha·eᵡ below zero and 1 above', () => {
    const layer = new AlphaELU({ alpha: 2 });
    const g = tf.grad((x: tf.Tensor) => (layer.apply(x) as tf.Tensor).sum())(tf.tensor1d([-1, 2]));
    const [below, above] = Array.from(g.dataSync());
    expect(below).toBeCloseTo(2 * Math.exp(-1), 5);
    expect(above).toBe(1);
  });

  it('rejects a negative alpha from a hostile config', () => {
    expect(() => new AlphaELU({ alpha: -1 })).toThrow(/"alpha" must be a number ≥ 0/);
  });

  it('saves and loads with its alpha', async () => {
    const input = tf.input({ shape: [3] });
    const model = tf.model({
      inputs: input,
      outputs: new AlphaELU({ alpha: 0.25, name: 'elu' }).apply(input) as tf.SymbolicTensor,
    });
    const copy = (await cloneModel(model)).getLayer('elu');
    expect(copy).toBeInstanceOf(AlphaELU);
    expect((copy as AlphaELU).alpha).toBe(0.25);
  });
});
