import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compare, seededValues } from '../../test/gradCases';
import { averageGradients } from './averageGradients';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Gradients of the mean BCE-with-logits loss of a conv + ReLU + 1×1 conv net on images `x`. */
function gradients(x: tf.Tensor4D, y: tf.Tensor4D, vars: tf.Variable[]): Float32Array[] {
  return tf.tidy(() => {
    const [k1, k2] = vars as [tf.Variable<tf.Rank.R4>, tf.Variable<tf.Rank.R4>];
    const { grads } = tf.variableGrads(() => {
      const h = tf.relu(tf.conv2d(x, k1, 2, 'same'));
      const logits = tf.conv2d(h, k2, 1, 'valid');
      return tf.losses.sigmoidCrossEntropy<tf.Tensor, tf.Scalar>(y, logits);
    }, vars);
    return vars.map((v) => grads[v.name]!.dataSync() as Float32Array);
  });
}

describe('averageGradients', () => {
  it('turns the gradients of two half batches into the gradient of the whole batch', () => {
    const vars = [
      tf.variable(tf.tensor4d(seededValues(3 * 3 * 3 * 5, 3), [3, 3, 3, 5])),
      tf.variable(tf.tensor4d(seededValues(5, 4), [1, 1, 5, 1])),
    ];
    const x = tf.tensor4d(seededValues(6 * 7 * 9 * 3, 5), [6, 7, 9, 3]);
    const y = tf.cast(
      tf.greater(tf.tensor4d(seededValues(6 * 4 * 5, 6), [6, 4, 5, 1]), 0),
      'float32',
    );
    const whole = gradients(x, y as tf.Tensor4D, vars);
    const halves = [0, 3].map((start) =>
      gradients(x.slice(start, 3), (y as tf.Tensor4D).slice(start, 3), vars),
    );
    const averaged = averageGradients(halves);
    expect(averaged.map((g) => g.length)).toEqual(whole.map((g) => g.length));
    averaged.forEach((g, i) => {
      const { maxDiff, scale } = compare(g, whole[i]!);
      // Same sums split in two and recombined: float32 rounding only.
      expect(maxDiff).toBeLessThanOrEqual(1e-5 * Math.max(1, scale));
    });
    tf.dispose([x, y, ...vars]);
  });

  it('averages element by element', () => {
    const out = averageGradients([
      [new Float32Array([1, 2]), new Float32Array([0])],
      [new Float32Array([3, 6]), new Float32Array([4])],
    ]);
    expect(out.map((g) => [...g])).toEqual([[2, 4], [2]]);
  });

  it('names the replica whose gradients do not match', () => {
    expect(() => averageGradients([])).toThrow(/no replicas/);
    expect(() =>
      averageGradients([[new Float32Array(2)], [new Float32Array(2), new Float32Array(1)]]),
    ).toThrow(/replica 1 sent 2 gradients/);
    expect(() => averageGradients([[new Float32Array(2)], [new Float32Array(3)]])).toThrow(
      /gradient 0 of replica 1 has 3 values/,
    );
  });
});
