/**
 * A `file://`-style model directory for Node, where tfjs has no file system handler without
 * tfjs-node: saving writes `model.json` and `weights.bin` (through tf.io.withSaveHandler),
 * loading reads them back (through tf.io.fromMemory).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { loadModel, saveModel } from '../io/saveLoad';
import type { LoadedModel, LoadModelOptions } from '../io/saveLoad';
import { readModelDirectory } from './modelFiles';

/** The scheme of model directory URLs. */
export const FILE_SCHEME = 'file://';
/** The weights file this handler writes. */
export const WEIGHTS_FILE = 'weights.bin';

/** A directory path from a path or a `file://` URL. */
export function directoryOf(location: string): string {
  return location.startsWith(FILE_SCHEME) ? fileURLToPath(location) : location;
}

async function writeArtifacts(
  dir: string,
  artifacts: tf.io.ModelArtifacts,
): Promise<tf.io.SaveResult> {
  if (artifacts.modelTopology instanceof ArrayBuffer) {
    throw new Error(
      'binary model topologies (graph models) are not supported; save a layers model',
    );
  }
  const weights =
    artifacts.weightData === undefined
      ? new ArrayBuffer(0)
      : tf.io.CompositeArrayBuffer.join(artifacts.weightData);
  const modelJson: tf.io.ModelJSON = {
    modelTopology: artifacts.modelTopology ?? {},
    format: artifacts.format,
    generatedBy: artifacts.generatedBy,
    convertedBy: artifacts.convertedBy,
    trainingConfig: artifacts.trainingConfig,
    userDefinedMetadata: artifacts.userDefinedMetadata,
    weightsManifest: [{ paths: [`./${WEIGHTS_FILE}`], weights: artifacts.weightSpecs ?? [] }],
  };
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, WEIGHTS_FILE), new Uint8Array(weights));
  await writeFile(join(dir, 'model.json'), JSON.stringify(modelJson));
  return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
}

/**
 * An IOHandler for a model directory (a path or a `file://` URL).
 *
 * @example
 * await model.save(fileSystemHandler('out/my-unet'));
 */
export function fileSystemHandler(location: string): tf.io.IOHandler {
  const dir = directoryOf(location);
  const saver = tf.io.withSaveHandler((artifacts) => writeArtifacts(dir, artifacts));
  return {
    save: async (artifacts) => {
      if (!saver.save) throw new Error('tf.io.withSaveHandler gave a handler without save');
      return saver.save(artifacts);
    },
    load: async () => {
      const loader = tf.io.fromMemory(await readModelDirectory(dir));
      if (!loader.load) throw new Error('tf.io.fromMemory gave a handler without load');
      return loader.load();
    },
  };
}

/** Saves a built model with its design into a directory (`model.json` + `weights.bin`). */
export async function saveModelToDir(
  model: tf.LayersModel,
  location: string,
): Promise<tf.io.SaveResult> {
  return saveModel(model, fileSystemHandler(location));
}

/** Loads a model and its design from a directory written by {@link saveModelToDir}. */
export async function loadModelFromDir(
  location: string,
  options: LoadModelOptions = {},
): Promise<LoadedModel> {
  return loadModel(fileSystemHandler(location), { label: directoryOf(location), ...options });
}

let routed = false;

/** Lets `model.save('file://…')`, `tf.loadLayersModel('file://…')` and `loadModel` use directories. */
export function registerFileSystemRouter(): void {
  if (routed) return;
  // Routers answer null for URLs they do not handle (tfjs's own do); the declared type omits it.
  const router = ((url: string | string[]) =>
    typeof url === 'string' && url.startsWith(FILE_SCHEME)
      ? fileSystemHandler(url)
      : null) as unknown as Parameters<typeof tf.io.registerSaveRouter>[0];
  tf.io.registerSaveRouter(router);
  tf.io.registerLoadRouter(router);
  routed = true;
}
