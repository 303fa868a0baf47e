/**
 * Kernel initialisers offered by the model builder, with optional seeds so a design builds to
 * the same weights every time (tests, benchmarks, reproducible runs).
 */
import * as tf from '@tensorflow/tfjs';
import type { Initializer } from '@tensorflow/tfjs-layers/dist/initializers';

/** Kernel initialiser names (camelCase words: they survive tfjs's config case conversion). */
export const KERNEL_INITIALIZERS = [
  'glorotUniform',
  'glorotNormal',
  'heNormal',
  'heUniform',
] as const;
/** A kernel initialiser name. */
export type KernelInitializer = (typeof KERNEL_INITIALIZERS)[number];

/**
 * Creates a kernel initialiser.
 *
 * @param kind - the initialiser.
 * @param seed - base seed, or null for random weights.
 * @param offset - added to the seed so layers sharing a base seed get different weights.
 */
export function makeInitializer(
  kind: KernelInitializer,
  seed: number | null,
  offset = 0,
): Initializer {
  const args = seed === null ? {} : { seed: seed + offset };
  switch (kind) {
    case 'glorotUniform':
      return tf.initializers.glorotUniform(args);
    case 'glorotNormal':
      return tf.initializers.glorotNormal(args);
    case 'heNormal':
      return tf.initializers.heNormal(args);
    case 'heUniform':
      return tf.initializers.heUniform(args);
  }
}
