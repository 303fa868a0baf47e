/**
 * Stored models in the worker: the artifacts sent to the app after each epoch (to be kept with the
 * run's document), loading stored artifacts back as the current model (custom layers registered,
 * the embedded design checked against the topology), and starting a run from stored weights.
 */
import * as tf from '@tensorflow/tfjs';
import { loadModel, saveToMemory } from '@unet-studio/runtime';
import type { ModelArtifactsData } from '../protocol';

/** The model's artifacts as plain data with one weight buffer (transferable). */
export async function artifactsOf(model: tf.LayersModel): Promise<ModelArtifactsData> {
  const artifacts = await saveToMemory(model);
  const weights = artifacts.weightData;
  return {
    ...artifacts,
    weightData: weights instanceof ArrayBuffer ? weights : new ArrayBuffer(0),
  };
}

/**
 * Rebuilds a stored model. Its embedded design must build the same network as its topology (a
 * stored record that was altered is refused, naming the first difference).
 */
export async function loadStoredModel(artifacts: ModelArtifactsData): Promise<tf.LayersModel> {
  const loaded = await loadModel(tf.io.fromMemory(artifacts), { label: 'the stored run' });
  return loaded.model;
}

function layerList(model: tf.LayersModel): string[] {
  return model.layers.map((l) => `${l.getClassName()} "${l.name}"`);
}

/** The first way `stored` differs in layers from `model`, or null when they have the same ones. */
export function layerDifference(model: tf.LayersModel, stored: tf.LayersModel): string | null {
  const want = layerList(model);
  const have = layerList(stored);
  for (let i = 0; i < Math.min(want.length, have.length); i++)
    if (want[i] !== have[i])
      return `layer ${i + 1} is ${have[i]} in the stored run, ${want[i]} in the design`;
  if (want.length !== have.length)
    return `the stored run has ${have.length} layers, the design builds ${want.length}`;
  return null;
}

/**
 * Copies the stored weights into `model` (built from the design now): refused, with the first
 * difference, when the stored network is not this design's.
 */
export async function restoreStoredWeights(
  model: tf.LayersModel,
  artifacts: ModelArtifactsData,
): Promise<void> {
  const stored = await loadStoredModel(artifacts);
  try {
    const difference = layerDifference(model, stored);
    if (difference !== null)
      throw new Error(
        `the stored weights do not fit this design (${difference}); train from scratch instead`,
      );
    model.setWeights(stored.getWeights());
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('the stored weights')) throw error;
    throw new Error(
      `the stored weights do not fit this design (${error instanceof Error ? error.message : String(error)}); train from scratch instead`,
    );
  } finally {
    stored.dispose();
  }
}
