/**
 * The effects of training: owns the worker, sends it commands and turns its reports into store
 * events. When a run ends, its metrics are recorded with the design (`design.runs`).
 */
import type { Design } from '@unet-studio/compiler';
import type { DesignStore } from '../state/designStore';
import { rememberProbe, resolveAuto } from './autoBackend';
import { browserStorage } from './backendMemory';
import type { StepEstimate } from './estimate';
import type { FromWorker, PickedFile, Picture, ToWorker } from './protocol';
import { createEtaTracker } from './runEta';
import { runRecordOf, withRun } from './runRecord';
import type { TrainSettings } from './settings';
import type { TrainingStore } from './trainingStore';
import { runOf } from './trainingState';
import { downloadFile } from '../io/browserFiles';
import { saveDownload } from './download';

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
  predict(image: Picture, threshold: number): void;
  download(name: string): void;
  /** Offers the trained model as a PyTorch package (code + converted weights) for download. */
  downloadPytorch(): void;
  /** Pairs and decodes own images in the worker at `size`; the report lands in the store. */
  readImages(
    files: readonly PickedFile[],
    size: readonly [number, number],
    channels: 1 | 3 | 4,
    classes: number,
  ): void;
  /** Ends the worker (unmount). */
  dispose(): void;
}

function createWorker(): Worker {
  return new Worker(new URL('./worker/trainWorker.ts', import.meta.url), { type: 'module' });
}

/** A controller for `store`, recording finished runs in `design`. */
export function createTrainingController(
  store: TrainingStore,
  design: DesignStore,
): TrainingController {
  let worker: Worker | null = null;
  let predictions = 0;
  const threshold = new Map<number, number>();
  const eta = createEtaTracker();
  /** Where to remember the probe the worker is measuring (null when it is not). */
  let probeSignature: string | null = null;

  const record = (): void => {
    const run = runOf(store.getState().training);
    if (run === null || run.epochs.length === 0) return;
    design.getState().transact('Record training run', (d) => withRun(d, runRecordOf(run)));
  };

  const onMessage = (message: FromWorker): void => {
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
      case 'done':
      case 'failed':
        s.dispatch(message);
        record();
        return;
      case 'prediction':
        s.setPrediction({
          overlay: message.overlay,
          foreground: message.foreground,
          threshold: threshold.get(message.id) ?? 0.5,
        });
        return;
      case 'exported':
        saveDownload(message.name, message.modelJson, message.weights);
        return;
      case 'pytorch-exported':
        downloadFile(message.fileName, new Uint8Array(message.zip), 'application/zip');
        return;
      case 'images-read': {
        const images = s.images;
        if (images) s.setImages({ ...images, report: message.report, size: message.size });
        return;
      }
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

  return {
    start(d, settings, estimate, continueRun = false) {
      const s = store.getState();
      s.setNotice(null);
      // `auto` with a probe of this model remembered starts on its choice, unmeasured.
      const auto = resolveAuto(d, settings, browserStorage());
      s.dispatch({
        type: 'start',
        id: `run-${Date.now().toString(36)}`,
        startedAt: new Date().toISOString(),
        settings: auto.settings,
        estimate,
      });
      s.setProbe(auto.shown);
      probeSignature = auto.signature;
      eta.reset();
      send({ type: 'start', design: d, settings: auto.settings, continueRun });
    },
    pause: () => send({ type: 'pause' }),
    resume: () => send({ type: 'resume' }),
    stop() {
      store.getState().dispatch({ type: 'stop' });
      send({ type: 'stop' });
    },
    predict(image, t) {
      const id = ++predictions;
      threshold.set(id, t);
      send({ type: 'predict', id, image, threshold: t });
    },
    download: (name) => send({ type: 'export', name }),
    downloadPytorch: () => send({ type: 'export-pytorch' }),
    readImages(files, size, channels, classes) {
      store.getState().setImages({ report: null, files, size });
      send({ type: 'read-images', files, size, channels, classes });
    },
    dispose() {
      worker?.terminate();
      worker = null;
    },
  };
}
