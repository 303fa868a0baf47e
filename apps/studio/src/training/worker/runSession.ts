/**
 * One training run inside the worker: start the backend, compile and build the design, prepare
 * the data, train with live reports, refresh the preview and save the weights after every
 * epoch. Pausing holds the loop between batches; stopping aborts it after the current batch,
 * keeping the model and its last saved weights. A lost WebGL context ends the run at once (even
 * inside a computation that will never finish), keeping the last saved weights.
 */
import type * as tf from '@tensorflow/tfjs';
import { compile, type Design } from '@unet-studio/compiler';
import {
  buildModel,
  isBackendName,
  syntheticFor,
  train,
  TrainingError,
  type SegmentationData,
} from '@unet-studio/runtime';
import { modelIo, type TrainSettings } from '../settings';
import type { FailureKind, FromWorker, ToWorker } from '../protocol';
import { probeBackends } from './backendProbe';
import { ContextLostError, untilContextLost } from './contextLoss';
import { createGate, type Gate } from './gate';
import { artifactsOf, restoreStoredWeights } from './loadStored';
import { previewSamples } from './preview';
import { runAugmenter, runSets } from './runData';
import { startBackend, webglContext } from './workerBackend';

/** A live run's handles, for pause, resume and stop. */
export interface RunHandle {
  readonly gate: Gate;
  readonly abort: AbortController;
}

/** Seed of the synthetic data (fixed, so runs of one design compare). */
const DATA_SEED = 1;

function failureOf(error: unknown, savedEpoch: number): { kind: FailureKind; message: string } {
  const gl = webglContext();
  if (error instanceof ContextLostError || gl?.isContextLost() === true)
    return {
      kind: 'context-lost',
      message: `The WebGL context was lost (the GPU was reset or reclaimed); the run stopped. ${
        savedEpoch > 0
          ? `The weights of epoch ${savedEpoch} are kept: continue on wasm to go on from them.`
          : 'No epoch had finished, so there are no new weights to keep: train again on wasm.'
      }`,
    };
  if (error instanceof TrainingError) return { kind: 'nan', message: error.message };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

function prepare(
  design: Design,
  settings: TrainSettings,
  given?: SegmentationData,
  givenValidation?: SegmentationData,
) {
  const compiled = compile(design, { inputSize: settings.size, batch: settings.batchSize });
  if (!compiled.ok) {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw new Error(`the design has errors at ${settings.size.join('×')}: ${errors.join('; ')}`);
  }
  const io = modelIo(compiled);
  if (io === null) throw new Error('the design has no input or output shape');
  const data =
    given ??
    syntheticFor(
      { size: settings.size, channels: io.channels, classes: io.classes },
      settings.samples,
      DATA_SEED,
    );
  const model = buildModel(compiled, { seed: settings.seed ?? 0 });
  const augment = runAugmenter(design, settings, data);
  return { model, augment, ...runSets(data, givenValidation, settings) };
}

/**
 * Runs one training session, posting reports through `post`. Resolves with the trained model
 * (also when stopped or failed after building), or null when it failed before building.
 */
export async function runSession(
  start: Extract<ToWorker, { type: 'start' }>,
  given: SegmentationData | undefined,
  handle: RunHandle,
  post: (message: FromWorker, transfer?: Transferable[]) => void,
  /** The `val/` set of own images that came split. */
  givenValidation?: SegmentationData,
): Promise<tf.LayersModel | null> {
  const { design, settings } = start;
  let model: tf.LayersModel | null = null;
  let savedEpoch = 0;
  try {
    let backend = settings.backend;
    if (backend === 'auto') {
      const report = await probeBackends(design, settings, handle.abort.signal);
      post({ type: 'probe', report });
      backend = isBackendName(report.chosen) ? report.chosen : 'wasm';
    }
    post({ type: 'backend', backend: await startBackend(backend) });
    const prepared = prepare(design, settings, given, givenValidation);
    model = prepared.model;
    if (start.initialWeights) await restoreStoredWeights(model, start.initialWeights);
    const validation = prepared.validation ?? prepared.train;
    post({ type: 'warming' });
    const trained = model;
    // A lost context leaves tfjs reads pending forever: the run ends when the context goes.
    const run = train(trained, prepared.train, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      loss: settings.loss,
      optimizer: settings.optimizer,
      learningRate: settings.learningRate,
      threshold: settings.threshold,
      validationData: validation,
      seed: settings.seed ?? 0,
      ...(prepared.augment === null ? {} : { augment: prepared.augment }),
      signal: handle.abort.signal,
      onBatch: async (progress) => {
        if (webglContext()?.isContextLost()) throw new Error('WebGL context lost');
        post({ type: 'batch', progress });
        if (handle.gate.closed && !handle.abort.signal.aborted) {
          post({ type: 'paused' });
          await handle.gate.wait();
          post({ type: 'resumed' });
        }
      },
      onEpoch: async (record) => {
        const preview = await previewSamples(trained, validation, settings.threshold);
        post({ type: 'epoch', record, preview });
        // The app keeps each epoch's weights with the run's document.
        const artifacts = await artifactsOf(trained);
        post({ type: 'weights', epoch: record.epoch, artifacts }, [artifacts.weightData]);
        savedEpoch = record.epoch;
        post({ type: 'saved', url: 'document', epoch: record.epoch });
      },
    });
    const history = await untilContextLost(run, webglContext(), () => handle.abort.abort());
    post({ type: 'done', status: history.status === 'aborted' ? 'stopped' : 'completed' });
  } catch (error) {
    const failure = failureOf(error, savedEpoch);
    // The model's tensors lived in the lost context; the kept weights are with the document.
    if (failure.kind === 'context-lost') {
      model?.dispose();
      model = null;
    }
    post({ type: 'failed', ...failure });
  }
  return model;
}

/** A handle for a new run. */
export function createRunHandle(): RunHandle {
  return { gate: createGate(), abort: new AbortController() };
}
