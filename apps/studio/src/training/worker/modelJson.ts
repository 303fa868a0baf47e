/**
 * The `model.json` of a downloaded model, in the layout tfjs's own `downloads://` handler writes
 * (topology, weights manifest pointing at `<name>.weights.bin`, metadata with the design).
 */
import type * as tf from '@tensorflow/tfjs';

/** The weights file name that goes with `name`'s model.json. */
export function weightsFileName(name: string): string {
  return `${name}.weights.bin`;
}

/** model.json text for in-memory artifacts saved under `name`. */
export function modelJsonText(artifacts: tf.io.ModelArtifacts, name: string): string {
  const json: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology ?? {},
    format: artifacts.format ?? 'layers-model',
    generatedBy: artifacts.generatedBy ?? 'TensorFlow.js',
    convertedBy: artifacts.convertedBy ?? null,
    weightsManifest: [
      { paths: [`./${weightsFileName(name)}`], weights: artifacts.weightSpecs ?? [] },
    ],
    ...(artifacts.userDefinedMetadata
      ? { userDefinedMetadata: artifacts.userDefinedMetadata }
      : {}),
    ...(artifacts.trainingConfig ? { trainingConfig: artifacts.trainingConfig } : {}),
  };
  return JSON.stringify(json);
}
