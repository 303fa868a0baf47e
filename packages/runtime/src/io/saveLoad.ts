/**
 * Saving and loading models with their design. Any tf.io destination works: a URL string
 * (`indexeddb://name`, `downloads://name`, `localstorage://name`, `http(s)://…`, `file://…` once
 * the Node router is registered) or an IOHandler (`fromMemory`, the Node directory handler…).
 */
import * as tf from '@tensorflow/tfjs';
import type { Design } from '@unet-studio/compiler';
import { registerCustomLayers } from '../layers/register';
import { topologyDifference } from './designMatch';
import { parseModelInfo, readModelInfo } from './metadata';

/** Where a model is saved to or loaded from: a tf.io URL or an IOHandler. */
export type ModelLocation = string | tf.io.IOHandler;

/** A loaded model with the design it was built from. */
export interface LoadedModel {
  readonly model: tf.LayersModel;
  readonly design: Design;
  /** Op id → tfjs layer name. */
  readonly opLayerNames: Readonly<Record<string, string>>;
}

function describe(location: ModelLocation): string {
  return typeof location === 'string' ? `"${location}"` : 'the given handler';
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function resolve(location: ModelLocation, kind: 'save' | 'load'): tf.io.IOHandler {
  if (typeof location !== 'string') return location;
  const handlers =
    kind === 'save' ? tf.io.getSaveHandlers(location) : tf.io.getLoadHandlers(location);
  const [handler] = handlers;
  if (!handler) {
    throw new Error(
      `no way to ${kind} a model at "${location}" here: use indexeddb://, downloads:// or http(s):// in a browser; in Node use a directory (saveModelToDir / loadModelFromDir) or file:// after registerFileSystemRouter()`,
    );
  }
  return handler;
}

/**
 * Saves a model built by `buildModel` (or loaded by `loadModel`), its design embedded in
 * model.json. Refuses a model without U-Net Studio metadata, which could not reopen as a design.
 */
export async function saveModel(
  model: tf.LayersModel,
  location: ModelLocation,
): Promise<tf.io.SaveResult> {
  readModelInfo(model);
  const handler = resolve(location, 'save');
  try {
    return await model.save(handler);
  } catch (e) {
    throw new Error(`could not save the model to ${describe(location)}: ${message(e)}`);
  }
}

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /**
   * Refuse a model whose topology is not the network its embedded design builds (default true;
   * false only for models built from op lists rather than designs, as in tests).
   */
  readonly verifyDesign?: boolean;
  /** How messages name the location (default: the URL, or "the given handler"). */
  readonly label?: string;
}

/**
 * Loads a model saved by {@link saveModel} and its design. Custom layers are registered first.
 *
 * @throws when the location cannot be read, the model does not rebuild, it carries no valid
 *   design, or its topology differs from the design's network (naming the first difference).
 */
export async function loadModel(
  location: ModelLocation,
  options: LoadModelOptions = {},
): Promise<LoadedModel> {
  registerCustomLayers();
  const handler = resolve(location, 'load');
  const where = options.label ?? describe(location);
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(handler);
  } catch (e) {
    throw new Error(`could not load a model from ${where}: ${message(e)}`);
  }
  const info = parseModelInfo(
    model.getUserDefinedMetadata(),
    new Set(model.layers.map((l) => l.name)),
  );
  if (!info.ok) {
    model.dispose();
    throw new Error(`the model at ${where} cannot reopen as a design: ${info.issues.join('; ')}`);
  }
  if (options.verifyDesign !== false) {
    const difference = await topologyDifference(model.toJSON(null, false), info.value.design);
    if (difference !== null) {
      model.dispose();
      throw new Error(
        `the model at ${where} is not the network of its embedded design: ${difference}`,
      );
    }
  }
  return { model, ...info.value };
}
