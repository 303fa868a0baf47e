/**
 * In-memory save and load: the model artifacts tfjs would write to model.json + weights, kept as
 * an object. Used to clone models and, with a file or browser handler, as the common path.
 */
import * as tf from '@tensorflow/tfjs';
import { registerCustomLayers } from '../layers/register';

/**
 * Serialises a model (topology, weights, metadata) without writing it anywhere.
 *
 * @returns the artifacts `model.save` produced; `weightData` is one ArrayBuffer.
 */
export async function saveToMemory(model: tf.LayersModel): Promise<tf.io.ModelArtifacts> {
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler((artifacts) => {
      saved = artifacts;
      return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) });
    }),
  );
  if (saved === null) throw new Error('saving the model produced no artifacts');
  const artifacts: tf.io.ModelArtifacts = saved;
  const weightData = artifacts.weightData;
  return {
    ...artifacts,
    weightData: weightData === undefined ? undefined : tf.io.CompositeArrayBuffer.join(weightData),
  };
}

/** Rebuilds a model from in-memory artifacts (custom layers are registered first). */
export async function loadFromMemory(artifacts: tf.io.ModelArtifacts): Promise<tf.LayersModel> {
  registerCustomLayers();
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

/** A deep copy of a model, weights included, through its saved form. */
export async function cloneModel(model: tf.LayersModel): Promise<tf.LayersModel> {
  return loadFromMemory(await saveToMemory(model));
}
