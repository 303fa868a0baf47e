/**
 * The training worker's entry: keeps the current model between runs (for prediction and
 * download) and routes the app's commands. TensorFlow.js lives only here, off the main thread.
 */
import * as tf from '@tensorflow/tfjs';
import { compile } from '@unet-studio/compiler';
import {
  pytorchWeightsFromModel,
  readModelInfo,
  readImageSet,
  saveToMemory,
  type SegmentationData,
} from '@unet-studio/runtime';
import { pytorchZip } from '../../io/pytorchZip';
import type { FromWorker, ToWorker } from '../protocol';
import { augmentPreview } from './augmentPreview';
import { loadStoredModel } from './loadStored';
import { modelJsonText } from './modelJson';
import { createFullPredictor } from './predictFull';
import { createRunHandle, runSession, type RunHandle } from './runSession';
import { startBackend } from './workerBackend';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromWorker, transfer: Transferable[] = []): void =>
  scope.postMessage(message, transfer);

let model: tf.LayersModel | null = null;
let live: RunHandle | null = null;
/** The user's images, paired and decoded by the last `read-images`. */
let ownData: SegmentationData | null = null;
/** Their `val/` set, when they came split. */
let ownValidation: SegmentationData | undefined;
/** Full-size predictions on uploaded images, keeping the last one's probabilities. */
const full = createFullPredictor((message, transfer = []) => scope.postMessage(message, transfer));
/** The load of a stored model in progress: predict and export wait for it. */
let loading: Promise<void> = Promise.resolve();

async function loadStored(message: Extract<ToWorker, { type: 'load-stored' }>): Promise<void> {
  if (live !== null) {
    post({ type: 'stored-loaded', runId: message.runId, problem: 'a run is training' });
    return;
  }
  try {
    // The model shown changes: the previous one must not answer for it, even if this load fails.
    model?.dispose();
    model = null;
    // Auto measures training steps; a stored model is loaded on wasm, which runs everywhere.
    if (!tf.getBackend()) await startBackend(message.backend === 'auto' ? 'wasm' : message.backend);
    model = await loadStoredModel(message.artifacts);
    post({ type: 'stored-loaded', runId: message.runId, problem: null });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    post({ type: 'stored-loaded', runId: message.runId, problem: why });
  }
}

async function readImages(message: Extract<ToWorker, { type: 'read-images' }>): Promise<void> {
  const files = message.files.map(({ path, file }) => ({
    name: path,
    webkitRelativePath: path,
    arrayBuffer: () => file.arrayBuffer(),
  }));
  const set = await readImageSet(files, {
    size: message.size,
    channels: message.channels,
    classes: message.classes,
    masks: message.masks ?? 'values',
    ...(message.colors ? { colors: message.colors } : {}),
  });
  ownData = set.data;
  ownValidation = set.validation;
  post({
    type: 'images-read',
    report: set.report,
    size: message.size,
    ...(set.split ? { split: set.split } : {}),
    ...(set.colors ? { colors: set.colors } : {}),
    masks: message.masks ?? 'values',
  });
}

async function exportModel(name: string): Promise<void> {
  if (model === null) throw new Error('there is no trained model yet: train first');
  const artifacts = await saveToMemory(model);
  const weights =
    artifacts.weightData instanceof ArrayBuffer ? artifacts.weightData : new ArrayBuffer(0);
  const message: FromWorker = {
    type: 'exported',
    modelJson: modelJsonText(artifacts, name),
    weights,
    name,
  };
  scope.postMessage(message, [weights]);
}

function exportPytorchPackage(): void {
  if (model === null) throw new Error('there is no trained model yet: train first');
  const info = readModelInfo(model);
  const weights = pytorchWeightsFromModel(model, compile(info.design), info.opLayerNames);
  if (!weights.ok) throw new Error(`PyTorch weights: ${weights.errors.join('; ')}`);
  const zip = pytorchZip(info.design, weights.value.bytes);
  if (!zip.ok) throw new Error(`PyTorch export: ${zip.errors.join('; ')}`);
  const bytes = zip.bytes.slice().buffer;
  scope.postMessage({ type: 'pytorch-exported', fileName: zip.fileName, zip: bytes }, [bytes]);
}

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'start': {
      await loading;
      if (live !== null) return;
      full.release();
      model?.dispose();
      model = null;
      const run = createRunHandle();
      live = run;
      try {
        const data = message.settings.source === 'images' ? (ownData ?? undefined) : undefined;
        const validation = data === undefined ? undefined : ownValidation;
        model = await runSession(message, data, run, post, validation);
      } finally {
        live = null;
      }
      return;
    }
    case 'pause':
      live?.gate.close();
      return;
    case 'resume':
      live?.gate.open();
      return;
    case 'stop':
      live?.abort.abort();
      live?.gate.open();
      return;
    case 'load-stored':
      loading = loadStored(message);
      await loading;
      return;
    case 'predict-full':
      await loading;
      await full.run(model, message);
      return;
    case 'predict-threshold':
      full.rethreshold(message.id, message.threshold);
      return;
    case 'predict-cancel':
      full.cancel(message.id);
      return;
    case 'export':
      await loading;
      await exportModel(message.name);
      return;
    case 'export-pytorch':
      await loading;
      exportPytorchPackage();
      return;
    case 'read-images':
      await readImages(message);
      return;
    case 'augment-preview':
      post(augmentPreview(message, ownData));
  }
}

scope.onmessage = (event) => {
  handle(event.data).catch((error: unknown) =>
    post({ type: 'problem', message: error instanceof Error ? error.message : String(error) }),
  );
};
