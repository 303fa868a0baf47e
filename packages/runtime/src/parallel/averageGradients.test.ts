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

/** Images `[start, start + count)` of a batch. */
const slice = (x: tf.Tensor4D, start: number, count: number) => x.slice(start, count);

describe('averageGradients', () => {
  it('turns the gradients of unequal shards into the gradient of the whole batch', () => {
    const vars = [
      tf.variable(tf.tensor4d(seededValues(3 * 3 * 3 * 5, 3), [3, 3, 3, 5])),
      tf.variable(tf.tensor4d(seededValues(5, 4), [1, 1, 5, 1])),
    ];
    const x = tf.tensor4d(seededValues(7 * 7 * 9 * 3, 5), [7, 7, 9, 3]);
    const y = tf.cast(
      tf.greater(tf.tensor4d(seededValues(7 * 4 * 5, 6), [7, 4, 5, 1]), 0),
      'float32',
    ) as tf.Tensor4D;
    const whole = gradients(x, y, vars);
    // 7 images over 3 replicas: 3 + 2 + 2, each gradient the mean over its own shard.
    const shards = [
      [0, 3],
      [3, 2],
      [5, 2],
    ] as const;
    const parts = shards.map(([start, n]) =>
      gradients(slice(x, start, n), slice(y, start, n), vars),
    );
    const averaged = averageGradients(
      parts,
      shards.map(([, n]) => n),
    );
    expect(averaged.map((g) => g?.length)).toEqual(whole.map((g) => g.length));
    averaged.forEach((g, i) => {
      const { maxDiff, scale } = compare(g!, whole[i]!);
      // Same sums split in three and recombined: float32 rounding only.
      expect(maxDiff).toBeLessThanOrEqual(1e-5 * Math.max(1, scale));
    });
    // Unweighted, the 2-image shards would count as much as the 3-image one: not the batch's.
    const unweighted = averageGradients(parts);
    expect(compare(unweighted[0]!, whole[0]!).maxDiff).toBeGreaterThan(1e-3);
    tf.dispose([x, y, ...vars]);
  });

  it('averages element by element, weighting by images, and leaves its inputs alone', () => {
    const a = new Float32Array([1, 2]);
    const out = averageGradients([
      [a, new Float32Array([0]), null],
      [new Float32Array([3, 6]), new Float32Array([4]), null],
    ]);
    expect(out.map((g) => (g === null ? null : [...g]))).toEqual([[2, 4], [2], null]);
    expect([...a]).toEqual([1, 2]);
    const weighted = averageGradients(
      [[new Float32Array([1, 2])], [new Float32Array([4, 8])]],
      [3, 1],
    );
    expect([...weighted[0]!]).toEqual([1.75, 3.5]);
  });

  it('names the replica whose gradients do not match', () => {
    expect(() => averageGradients([])).toThrow(/no replicas/);
    expect(() =>
      averageGradients([[new Float32Array(2)], [new Float32Array(2), new Float32Array(1)]]),
    ).toThrow(/replica 1 sent 2 gradients/);
    expect(() => averageGradients([[new Float32Array(2)], [new Float32Array(3)]])).toThrow(
      /gradient 0 of replica 1 has 3 values/,
    );
    expect(() => averageGradients([[new Float32Array(2)], [null]])).toThrow(
      /replica 1 has no gradient 0, replica 0 has one/,
    );
    expect(() => averageGradients([[new Float32Array(2)]], [1, 2])).toThrow(
      /2 image counts for 1 replicas/,
    );
    expect(() => averageGradients([[new Float32Array(2)]], [0])).toThrow(/replica 0 saw 0 images/);
  });
});
