/**
 * The ModelManager contract, mirroring the low-code platform's `ModelManager` (seed 000):
 * named model factories taking keyword parameters, each with documented hyperparameters.
 */
import type * as tf from '@tensorflow/tfjs';
import type { KernelInitializer } from '../layers/initializers';

/** The value kinds a hyperparameter takes. */
export type HyperparameterType = 'int' | 'int[]' | 'string' | 'bool';

/** One hyperparameter of a model: what `getHyperparameters` lists. */
export interface Hyperparameter {
  readonly name: string;
  readonly type: HyperparameterType;
  /** The value used when the parameter is left out. */
  readonly default: number | readonly number[] | string | boolean;
  /** The accepted values, for parameters with a fixed set of choices. */
  readonly allowed?: readonly string[];
  readonly description: string;
}

/** Runtime options of `createModel`, next to the model's own parameters. */
export interface CreateModelOptions {
  /** The input's spatial size `[h, w]`, which model parameters do not carry (default 256×256). */
  readonly inputSize?: readonly [number, number];
  /** Seed of the weight initialisers: the same seed builds the same weights. */
  readonly seed?: number | null;
  /** Kernel initialiser (default `heNormal`). */
  readonly kernelInitializer?: KernelInitializer;
}

/** Builds a model from its keyword parameters (already known to be an object). */
export type ModelFactory = (
  params: Readonly<Record<string, unknown>>,
  options: CreateModelOptions,
) => tf.LayersModel;

/** A registered model: its factory and its documented hyperparameters. */
export interface ModelEntry {
  readonly factory: ModelFactory;
  readonly hyperparameters: readonly Hyperparameter[];
}
