/**
 * Keeps runs with their document: each epoch's weights and preview are stored with the document
 * the run started from (even when the user has opened another one since), the run's record goes
 * into that document's design, and when a run ends the weights of older unpinned runs are removed.
 * When a document is opened (or after a reload), its latest stored run is shown again and its
 * model loaded into the worker, so predict, download and continue work without retraining.
 */
import type { Design } from '@unet-studio/compiler';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { describeStorageError } from '../persistence/db';
import type { Library } from '../persistence/library';
import { getLibrary as defaultLibrary } from '../persistence/libraryHandle';
import { whileUnlocked } from '../persistence/tabLock';
import type { Stores } from '../state/StoreProvider';
import type { ModelArtifactsData, ToWorker } from './protocol';
import { runRecordOf, withRun } from './runRecord';
import {
  createRunStorage,
  keptRuns,
  modelFingerprint,
  previewKey,
  weightsKey,
  type StoredRunSummary,
  type StoredWeights,
} from './runStorage';
import { answerLoad } from './shownModel';
import { runOfRecord, settingsOfRecord } from './storedRun';
import type { TrainingStore } from './trainingStore';
import { isLive, runOf, type Run } from './trainingState';

/** The model the worker holds for the current document. */
export interface LoadedRun {
  readonly runId: string;
  readonly status: 'loading' | 'ready' | 'failed';
  readonly problem: string | null;
  /** {@link modelFingerprint} of the design the model was trained on. */
  readonly fingerprint: string;
}

/** What the runs list shows. */
export interface RunsView {
  /** The document the list is about. */
  readonly docId: string | null;
  /** The runs with weights stored in that document. */
  readonly stored: readonly StoredRunSummary[];
  readonly loaded: LoadedRun | null;
  /** The browser's storage use and quota, when it tells. */
  readonly estimate: { readonly usage: number; readonly quota: number } | null;
  /** Why the last store failed, or null. */
  readonly problem: string | null;
}

/** The run persistence of one training panel. */
export interface RunPersistence {
  readonly view: StoreApi<RunsView>;
  /** A run starts now on `design`, from the current document. */
  begin(design: Design): void;
  /** The worker sent the weights after `epoch`: keep them with the run's document. */
  checkpoint(runId: string, epoch: number, artifacts: ModelArtifactsData): void;
  /** The run ended: record it in its document and drop older unpinned weights. */
  finish(run: Run): void;
  /** The weights of the model the worker holds (to continue from), or null. */
  heldWeights(): ModelArtifactsData | null;
  /** The worker answered a load. */
  loaded(runId: string, problem: string | null): void;
  /**
   * Makes a model converted in the page (a server run's weights) the worker's, and keeps it with
   * the document as a browser run's checkpoint is when the run `runId` is recorded in it (the
   * latest and pinned runs keep their weights).
   *
   * @param design the design the model was built from (its fingerprint says whether it still fits).
   * @returns a promise that settles once the weights are kept (or found not to be the document's).
   */
  adopt(runId: string, artifacts: ModelArtifactsData, design: Design): Promise<void>;
  /** Shows run `runId` of the current document and loads its model (the latest when absent). */
  open(runId?: string): Promise<void>;
  /** Removes the stored weights of runs no longer in the design (after a delete, confirmed). */
  removeWeights(runIds: readonly string[]): Promise<void>;
  /** Re-reads what the current document stores. */
  refresh(): Promise<void>;
  /** Follows the current document (opening its latest run now and on each switch); returns the stop. */
  watch(): () => void;
}

interface Held {
  readonly runId: string;
  readonly artifacts: ModelArtifactsData;
}

/** Run persistence for `training`, storing through the app's library. */
export function createRunPersistence(
  stores: Stores,
  training: TrainingStore,
  send: (message: ToWorker) => void,
  getLibrary: () => Promise<Library> = defaultLibrary,
): RunPersistence {
  const view = createStore<RunsView>()(() => ({
    docId: null,
    stored: [],
    loaded: null,
    estimate: null,
    problem: null,
  }));
  let runDoc: string | null = null;
  let runFingerprint = '';
  let held: Held | null = null;
  // Writes go one after another, in the order the epochs came.
  let chain: Promise<void> = Promise.resolve();
  const storage = async () => createRunStorage(await getLibrary());
  const queue = (job: () => Promise<void>): Promise<void> => {
    chain = chain.then(job).catch((error: unknown) => {
      view.setState({
        problem: `The trained weights could not be kept with the design: ${describeStorageError(error)}. Download the model to keep it.`,
      });
    });
    return chain;
  };
  const current = (): string | null => stores.doc.getState().id;

  const refresh = async (): Promise<void> => {
    const docId = current();
    if (docId === null) return;
    let stored: StoredRunSummary[] = [];
    try {
      stored = await (await storage()).summaries(docId);
    } catch {
      // No storage: nothing is kept, which the list says.
    }
    const estimate =
      typeof navigator !== 'undefined' && navigator.storage?.estimate
        ? await navigator.storage.estimate().catch(() => null)
        : null;
    if (current() !== docId) return;
    view.setState({
      docId,
      stored,
      estimate: estimate ? { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 } : null,
    });
  };

  /** Adds `run`'s record to document `docId`: the open design, or the stored one. */
  const record = async (docId: string, run: Run): Promise<readonly Design['runs'][number][]> => {
    const entry = runRecordOf(run);
    if (docId === current()) {
      stores.design.getState().transact('Record training run', (d) => withRun(d, entry));
      return stores.design.getState().design.runs;
    }
    const library = await getLibrary();
    let runs: Design['runs'] = [];
    const done = await whileUnlocked(docId, async () => {
      const stored = await library.get(docId);
      if (stored?.kind !== 'document') return;
      const next = withRun(stored.design, entry);
      await library.save(docId, next);
      runs = next.runs;
    });
    if (!done)
      stores.ui
        .getState()
        .notify(
          'error',
          'The finished run could not be recorded in its design, which is open in another tab; its weights are kept with it.',
        );
    return runs;
  };

  const open = async (runId?: string): Promise<void> => {
    const docId = current();
    if (docId === null) return;
    await refresh();
    if (current() !== docId || isLive(training.getState().training)) return;
    const runs = stores.design.getState().design.runs;
    const { stored } = view.getState();
    const has = new Set(stored.map((s) => s.runId));
    const target = runId ?? [...runs].reverse().find((r) => has.has(r.id))?.id;
    const record = runs.find((r) => r.id === target);
    if (!record || !has.has(record.id)) {
      const shown = runOf(training.getState().training);
      if (runId === undefined && shown && !runs.some((r) => r.id === shown.id)) {
        training.getState().dispatch({ type: 'reset' });
        held = null;
        view.setState({ loaded: null });
      }
      return;
    }
    if (held?.runId === record.id && runOf(training.getState().training)?.id === record.id) return;
    const lib = await storage();
    const [weights, preview] = await Promise.all([
      lib.weights(docId, record.id),
      lib.preview(docId, record.id),
    ]);
    if (!weights || current() !== docId || isLive(training.getState().training)) return;
    training.getState().dispatch({
      type: 'restore',
      run: runOfRecord(record, preview?.samples ?? [], weights.epoch),
    });
    held = { runId: record.id, artifacts: weights.artifacts };
    view.setState({
      loaded: {
        runId: record.id,
        status: 'loading',
        problem: null,
        fingerprint: weights.fingerprint,
      },
    });
    send({
      type: 'load-stored',
      runId: record.id,
      artifacts: weights.artifacts,
      backend: settingsOfRecord(record).backend,
    });
  };

  return {
    view,
    begin(design) {
      runDoc = current();
      runFingerprint = modelFingerprint(design);
      view.setState({ problem: null });
    },
    checkpoint(runId, epoch, artifacts) {
      held = { runId, artifacts };
      view.setState({
        loaded: { runId, status: 'ready', problem: null, fingerprint: runFingerprint },
      });
      const docId = runDoc;
      if (docId === null) return;
      const run = runOf(training.getState().training);
      const weights: StoredWeights = {
        runId,
        epoch,
        savedAt: Date.now(),
        bytes: artifacts.weightData.byteLength,
        fingerprint: runFingerprint,
        artifacts,
      };
      const preview =
        run?.id === runId && run.preview.length > 0 ? { runId, epoch, samples: run.preview } : null;
      void queue(async () => {
        await (await storage()).save(docId, weights, preview);
        if (current() === docId) await refresh();
      });
    },
    finish(run) {
      const docId = runDoc;
      if (docId === null || run.epochs.length === 0) return;
      const stored = held?.runId === run.id;
      // The open design records the run at once (not behind the weights' write), so that a reload
      // right after the run keeps its record.
      const recorded = docId === current() ? record(docId, run) : null;
      void queue(async () => {
        const runs = await (recorded ?? record(docId, run));
        // Only a recorded run with stored weights replaces the others' weights.
        if (!stored || !runs.some((r) => r.id === run.id)) return;
        await (await storage()).prune(docId, keptRuns(runs, run.id));
        if (current() === docId) await refresh();
      });
    },
    heldWeights: () => held?.artifacts ?? null,
    loaded(runId, problem) {
      view.setState({ loaded: answerLoad(view.getState().loaded, runId, problem) });
    },
    adopt(runId, artifacts, design) {
      const fingerprint = modelFingerprint(design);
      held = { runId, artifacts };
      view.setState({ loaded: { runId, status: 'loading', problem: null, fingerprint } });
      send({ type: 'load-stored', runId, artifacts, backend: 'auto' });
      const docId = current();
      const run = runOf(training.getState().training);
      if (docId === null || run?.id !== runId) return Promise.resolve();
      const epoch = run.epochs.at(-1)?.epoch ?? run.epochs.length;
      const weights: StoredWeights = {
        runId,
        epoch,
        savedAt: Date.now(),
        bytes: artifacts.weightData.byteLength,
        fingerprint,
        artifacts,
      };
      const preview = run.preview.length > 0 ? { runId, epoch, samples: run.preview } : null;
      return queue(async () => {
        // Kept with the document whose design records the run, under the same retention.
        const runs = stores.design.getState().design.runs;
        if (current() !== docId || !runs.some((r) => r.id === runId)) return;
        const lib = await storage();
        await lib.save(docId, weights, preview);
        await lib.prune(docId, keptRuns(runs, runId));
        if (current() === docId) await refresh();
      });
    },
    open,
    async removeWeights(runIds) {
      const docId = current();
      if (docId === null) return;
      const runs = stores.design.getState().design.runs;
      const gone = runIds.filter((id) => !runs.some((r) => r.id === id));
      const library = await getLibrary();
      await library.removeAttachment(
        docId,
        ...gone.flatMap((id) => [weightsKey(id), previewKey(id)]),
      );
      await refresh();
    },
    refresh,
    watch() {
      const unsubscribe = stores.doc.subscribe((s, prev) => {
        if (s.id !== prev.id) void open();
      });
      if (current() !== null) void open();
      return unsubscribe;
    },
  };
}
