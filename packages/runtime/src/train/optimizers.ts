/**
 * Optimizers by name, and changing their learning rate mid-run (for reduce-on-plateau).
 */
import * as tf from '@tensorflow/tfjs';
import { FusedAdamOptimizer } from './FusedAdamOptimizer';

/** The optimizers a design can name (`training.optimizer`). */
export const OPTIMIZER_NAMES = ['adam', 'sgd', 'rmsprop'] as const;
/** An optimizer name. */
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

/**
 * Creates an optimizer. `sgd` uses momentum (default 0.9; 0 gives plain SGD); `adam` is tfjs's
 * Adam (β1 0.9, β2 0.999) with one update kernel per variable on cpu and wasm.
 *
 * @example const opt = makeOptimizer('adam', 1e-3);
 */
export function makeOptimizer(
  name: OptimizerName,
  learningRate: number,
  momentum = 0.9,
): tf.Optimizer {
  if (!(learningRate > 0 && Number.isFinite(learningRate)))
    throw new Error(`learning rate must be a positive number, got ${learningRate}`);
  if (!(momentum >= 0 && momentum < 1))
    throw new Error(`momentum must be in [0, 1), got ${momentum}`);
  switch (name) {
    case 'adam':
      return new FusedAdamOptimizer(learningRate, 0.9, 0.999);
    case 'sgd':
      return momentum === 0
        ? tf.train.sgd(learningRate)
        : tf.train.momentum(learningRate, momentum);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
  }
}

// Adam and RMSProp read `learningRate` at every step; tfjs declares it protected.
interface WithLearningRate {
  learningRate: number;
}

/** The optimizer's current learning rate. */
export function learningRateOf(optimizer: tf.Optimizer): number {
  return (optimizer as unknown as WithLearningRate).learningRate;
}

/** Sets the learning rate used from the next step on. */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  // SGD and momentum keep −lr as a tensor that their setLearningRate replaces. (tfjs optimizers
  // answer `instanceof` by duck typing, so test for the method itself.)
  const sgd = optimizer as unknown as { setLearningRate?: (lr: number) => void };
  if (typeof sgd.setLearningRate === 'function') {
    sgd.setLearningRate(learningRate);
    return;
  }
  (optimizer as unknown as WithLearningRate).learningRate = learningRate;
}

/**
 * Disposes an optimizer and everything it holds. tfjs's momentum optimizer overrides `dispose`
 * without disposing the −learning-rate scalar its SGD base keeps (`c`), which leaked one tensor
 * per run; that scalar is disposed here when the optimizer's own `dispose` left it.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  const held = (optimizer as unknown as { c?: unknown }).c;
  optimizer.dispose();
  if (held instanceof tf.Tensor && !held.isDisposed) held.dispose();
}

/** True when `name` is one of {@link OPTIMIZER_NAMES}. */
export function isOptimizerName(name: string): name is OptimizerName {
  return (OPTIMIZER_NAMES as readonly string[]).includes(name);
}
