/**
 * A registry of named model factories with the low-code platform's API (seed 000):
 * `createModel('unet', { in_channels, out_channels, features, activation, normalization,
 * bilinear })`. Names are case-insensitive, as there; errors name the model, field and allowed
 * values, and a failing factory's error is reported as "failed to create model".
 */
import type * as tf from '@tensorflow/tfjs';
import type { CreateModelOptions, Hyperparameter, ModelEntry, ModelFactory } from './types';
import { UNET_ENTRY } from './unetModel';

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Creates models by name. Starts with `unet` registered. */
export class ModelManager {
  private readonly models = new Map<string, ModelEntry>([['unet', UNET_ENTRY]]);

  /** The registered model names, sorted. */
  listModels(): string[] {
    return [...this.models.keys()].sort();
  }

  private entry(name: unknown): ModelEntry {
    const key = typeof name === 'string' ? name.trim().toLowerCase() : '';
    const entry = this.models.get(key);
    if (!entry) {
      throw new Error(
        `unknown model ${JSON.stringify(name)}; available: ${this.listModels().join(', ')}`,
      );
    }
    return entry;
  }

  /**
   * Builds a model.
   *
   * @param name - a registered name (case-insensitive), e.g. `unet`.
   * @param params - the model's keyword parameters; left-out ones take their defaults.
   * @param options - input size, seed and initialiser.
   * @throws naming the model and what is wrong with the parameters.
   * @example new ModelManager().createModel('unet', { in_channels: 1, features: [16, 32, 64] }, { inputSize: [64, 64] })
   */
  createModel(
    name: string,
    params: Readonly<Record<string, unknown>> = {},
    options: CreateModelOptions = {},
  ): tf.LayersModel {
    const entry = this.entry(name);
    if (!isRecord(params)) {
      throw new Error(
        `failed to create model '${name}': parameters must be an object of name → value`,
      );
    }
    try {
      return entry.factory(params, options);
    } catch (e) {
      throw new Error(
        `failed to create model '${name}': ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  /** The documented hyperparameters of a model: names, types, defaults, allowed values, descriptions. */
  getHyperparameters(name: string): readonly Hyperparameter[] {
    return this.entry(name).hyperparameters;
  }

  /**
   * Registers a model factory under `name` (stored lower-case).
   *
   * @throws when the name is empty or taken (pass `{ replace: true }` to replace a model).
   */
  registerModel(
    name: string,
    factory: ModelFactory,
    hyperparameters: readonly Hyperparameter[] = [],
    options: { readonly replace?: boolean } = {},
  ): void {
    const key = typeof name === 'string' ? name.trim().toLowerCase() : '';
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(key)) {
      throw new Error(`model names are letters, digits and _ . - (got ${JSON.stringify(name)})`);
    }
    if (typeof factory !== 'function')
      throw new Error(`the factory of model '${key}' must be a function`);
    if (this.models.has(key) && !options.replace) {
      throw new Error(`model '${key}' is already registered; pass { replace: true } to replace it`);
    }
    this.models.set(key, { factory, hyperparameters });
  }
}
