/**
 * The effects of training: owns the worker, sends it commands and turns its reports into store
 * events. When a run ends, its metrics are recorded with the design (`design.runs`).
 */
import type { Design } from '@unet-studio/compiler';
import type { MaskCodingName } from '@unet-studio/runtime';
import type { AugmentPreviewRequest } from './augmentProtocol';
import type { DesignStore } from '../state/designStore';
import type { Stores } from '../state/StoreProvider';
import { rememberProbe, resolveAuto } from './autoBackend';
import { browserStorage } from './backendMemory';
import type { StepEstimate } from './estimate';
import type { FromWorker, ModelArtifactsData, PickedFile, ToWorker } from './protocol';
import { createFullPredictClient, type FullPredictClient } from './predict/fullPredictClient';
import { createEtaTracker } from './runEta';
import { runRecordOf, withRun } from './runRecord';
import type { TrainSettings } from './settings';
import type { TrainingStore } from './trainingStore';
import { runOf } from './trainingState';
import { downloadFile } from '../io/browserFiles';
import { saveDownload } from './download';
import { createRunPersistence, type RunPersistence } from './runPersistence';

/** Commands the panel gives. */
export interface TrainingController {
  start(
    design: Design,
    settings: TrainSettings,
    estimate: StepEstimate | null,
    continueRun?: boolean,
  ): void;
  pause(): void;
  resume(): void;
  stop(): void;
  /** Full-size prediction on an uploaded image (tiled in the worker); see {@link FullPredictClient}. */
  readonly full: Omit<FullPredictClient, 'onMessage' | 'reset'>;
  download(name: string): void;
  /** Offers the trained model as a PyTorch package (code + converted weights) for download. */
  downloadPytorch(): void;
  /** Pairs and decodes own images in the worker at `size`; the report lands in the store. */
  readImages(
    files: readonly PickedFile[],
    size: readonly [number, number],
    channels: 1 | 3 | 4,
    classes: number,
    masks?: MaskCodingName,
    /** RGB masks: the design's class colours, which keep their class indices. */
    colors?: readonly number[],
  ): void;
  /** Asks the worker for augmented samples; the answer lands in the store's `augmentPreview`. */
  augmentPreview(request: Omit<AugmentPreviewRequest, 'type' | 'id'>): void;
  /**
   * Makes `artifacts` (a model trained elsewhere, e.g. on the training server) the worker's model,
   * for full-size prediction and the downloads. With `design` (the one it was built from), it
   * becomes the runs list's shown model and is kept with the document when run `runId` is recorded.
   *
   * @returns a promise of the worker's answer: null once loaded, else why it was not.
   */
  loadModel(runId: string, artifacts: ModelArtifactsData, design?: Design): Promise<string | null>;
  /** Ends the worker (unmount). */
  dispose(): void;
  /** The runs kept with the document (present when the controller was given the app's stores). */
  readonly runs?: RunPersistence;
}

function createWorker(): Worker {
  return new Worker(new URL('./worker/trainWorker.ts', import.meta.url), { type: 'module' });
}

/**
 * A controller for `store`, recording finished runs in `design`; given the app's `stores`, runs
 * and their weights are kept with the document they were started from (see runPersistence.ts).
 */
export function createTrainingController(
  store: TrainingStore,
  design: DesignStore,
  stores?: Stores,
): TrainingController {
  let worker: Worker | null = null;
  let runs: RunPersistence | undefined;
  let augmentPreviews = 0;
  /** Loads asked by {@link TrainingController.loadModel}, by run id, awaiting the worker. */
  const loads = new Map<string, (problem: string | null) => void>();
  const eta = createEtaTracker();
  /** Where to remember the probe the worker is measuring (null when it is not). */
  let probeSignature: string | null = null;

  const record = (): void => {
    const run = runOf(store.getState().training);
    if (run === null || run.epochs.length === 0) return;
    if (runs) return runs.finish(run);
    design.getState().transact('Record training run', (d) => withRun(d, runRecordOf(run)));
  };

  const onMessage = (message: FromWorker): void => {
    if (full.onMessage(message)) return;
    const s = store.getState();
    switch (message.type) {
      case 'probe':
        if (probeSignature !== null)
          s.setProbe(rememberProbe(browserStorage(), probeSignature, message.report));
        return;
      case 'batch': {
        // The run's own step times, warm-up left out, once measured.
        const etaSeconds = eta.batch(message.progress, performance.now());
        s.dispatch({ type: 'batch', progress: { ...message.progress, etaSeconds } });
        return;
      }
      case 'paused':
        eta.paused();
        s.dispatch(message);
        return;
      case 'backend':
      case 'warming':
      case 'resumed':
        s.dispatch(message);
        return;
      case 'epoch':
        s.dispatch({ type: 'epoch', record: message.record, preview: message.preview });
        return;
      case 'saved':
        s.dispatch({ type: 'saved', epoch: message.epoch });
        return;
      case 'weights': {
        const run = runOf(s.training);
        if (run) runs?.checkpoint(run.id, message.epoch, message.artifacts);
        return;
      }
      case 'stored-loaded':
        loads.get(message.runId)?.(message.problem);
        loads.delete(message.runId);
        runs?.loaded(message.runId, message.problem);
        if (message.problem)
          s.setNotice(`The stored model could not be loaded: ${message.problem}`);
        return;
      case 'done':
      case 'failed':
        s.dispatch(message);
        record();
        return;
      case 'exported':
        saveDownload(message.name, message.modelJson, message.weights);
        return;
      case 'pytorch-exported':
        downloadFile(message.fileName, new Uint8Array(message.zip), 'application/zip');
        return;
      case 'images-read': {
        const images = s.images;
        if (images)
          s.setImages({
            ...images,
            report: message.report,
            size: message.size,
            masks: message.masks,
            split: message.split,
            colors: message.colors,
          });
        return;
      }
      case 'augment-preview':
        // Only the answer to the latest request is shown.
        if (message.id === augmentPreviews) s.setAugmentPreview(message);
        return;
      case 'problem':
        if (s.images?.report === null) s.setImages(null);
        s.setNotice(message.message);
    }
  };

  const send = (message: ToWorker, transfer: Transferable[] = []): void => {
    if (worker === null) {
      worker = createWorker();
      worker.onmessage = (event: MessageEvent<FromWorker>) => onMessage(event.data);
      worker.onerror = (event) => {
        store.getState().dispatch({
          type: 'failed',
          kind: 'error',
          message: `The training worker crashed: ${event.message || 'an error it did not describe'}`,
        });
      };
    }
    worker.postMessage(message, transfer);
  };
  const full = createFullPredictClient(send, (e) => store.getState().dispatchPredict(e));

  const controller: TrainingController = {
    start(d, settings, estimate, continueRun = false) {
      const s = store.getState();
      s.setNotice(null);
      full.reset();
      const id = `run-${Date.now().toString(36)}`;
      // Continuing starts from the weights the worker holds (the last checkpoint or a stored run).
      const initialWeights = continueRun ? (runs?.heldWeights() ?? undefined) : undefined;
      // `auto` with a probe of this model remembered starts on its choice, unmeasured.
      const auto = resolveAuto(d, settings, browserStorage());
      s.dispatch({
        type: 'start',
        id,
        startedAt: new Date().toISOString(),
        settings: auto.settings,
        estimate,
      });
      s.setProbe(auto.shown);
      probeSignature = auto.signature;
      eta.reset();
      runs?.begin(d);
      send({ type: 'start', design: d, settings: auto.settings, continueRun, initialWeights });
    },
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop() {
      store.getState().dispatch({ type: 'stop' });
      send({ type: 'stop' });
    },
    full,
    download: (name) => send({ type: 'export', name }),
    downloadPytorch: () => send({ type: 'export-pytorch' }),
    readImages(files, size, channels, classes, masks = 'values', colors) {
      store.getState().setImages({ report: null, files, size, masks });
      send({
        type: 'read-images',
        files,
        size,
        channels,
        classes,
        masks,
        ...(colors ? { colors } : {}),
      });
    },
    augmentPreview(request) {
      send({ type: 'augment-preview', id: ++augmentPreviews, ...request });
    },
    loadModel(runId, artifacts, design) {
      full.reset();
      return new Promise((resolve) => {
        loads.get(runId)?.('another load of the same model replaced this one');
        loads.set(runId, resolve);
        // With the design, the run persistence sends it, names it the shown model and keeps it.
        if (design && runs) void runs.adopt(runId, artifacts, design);
        else send({ type: 'load-stored', runId, artifacts, backend: 'auto' });
      });
    },
    dispose() {
      for (const resolve of loads.values()) resolve('the training panel closed');
      loads.clear();
      worker?.terminate();
      worker = null;
    },
    get runs() {
      return runs;
    },
  };
  if (stores) runs = createRunPersistence(stores, store, (m) => send(m));
  return controller;
}
