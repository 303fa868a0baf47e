import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { learningRateOf, makeOptimizer, OPTIMIZER_NAMES, setLearningRate } from './optimizers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The change one step makes to w = 1 minimising w² (gradient 2). */
function stepSize(opt: tf.Optimizer): number {
  const w = tf.variable(tf.scalar(1));
  opt.minimize(() => tf.square(w), false, [w]);
  const delta = 1 - w.dataSync()[0]!;
  w.dispose();
  return delta;
}

describe('optimizers', () => {
  it.each(OPTIMIZER_NAMES)(
    '%s steps with the rate it was given, and with a new one after setLearningRate',
    (name) => {
      const a = makeOptimizer(name, 0.01);
      const b = makeOptimizer(name, 0.01);
      expect(learningRateOf(a)).toBe(0.01);
      setLearningRate(b, 0.001);
      expect(learningRateOf(b)).toBe(0.001);
      const big = stepSize(a);
      const small = stepSize(b);
      expect(big).toBeGreaterThan(0);
      expect(small / big).toBeCloseTo(0.1, 3);
      a.dispose();
      b.dispose();
    },
  );

  it('uses momentum for sgd unless it is 0', () => {
    expect(makeOptimizer('sgd', 0.1).getClassName()).toBe('Momentum');
    expect(makeOptimizer('sgd', 0.1, 0).getClassName()).toBe('SGD');
    expect(makeOptimizer('rmsprop', 0.1).getClassName()).toBe('RMSProp');
  });

  it('rejects a bad learning rate', () => {
    expect(() => makeOptimizer('adam', 0)).toThrow(
      /learning rate must be a positive number, got 0/,
    );
  });
});
