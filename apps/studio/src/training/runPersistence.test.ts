import { zTrainingSpec } from '@unet-studio/compiler';
import type { EpochRecord } from '@unet-studio/runtime';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { openLibrary, type Library } from '../persistence/library';
import { createStores, type Stores } from '../state/StoreProvider';
import { chainDesign } from '../state/testDesign';
import type { ModelArtifactsData, ToWorker } from './protocol';
import { createRunPersistence, type RunPersistence } from './runPersistence';
import { createRunStorage } from './runStorage';
import { defaultSettings } from './settings';
import { createTrainingStore, type TrainingStore } from './trainingStore';
import { runOf } from './trainingState';

const settings = {
  ...defaultSettings({ size: [32, 32], channels: 3, classes: 1 }, zTrainingSpec.parse({})),
  epochs: 2,
  backend: 'wasm' as const,
};

const epoch = (n: number): EpochRecord => ({
  epoch: n,
  loss: 1 / n,
  dice: 0.5,
  iou: 0.3,
  valLoss: null,
  valDice: null,
  valIoU: null,
  valMetrics: null,
  learningRate: 1e-3,
  seconds: 1,
  imagesPerSecond: 10,
});

const artifacts = (fill: number): ModelArtifactsData => ({
  modelTopology: { fill },
  weightSpecs: [{ name: 'w', shape: [1], dtype: 'float32' }],
  weightData: new Float32Array([fill]).buffer,
});

interface Setup {
  stores: Stores;
  training: TrainingStore;
  runs: RunPersistence;
  library: Library;
  sent: ToWorker[];
}

async function setup(): Promise<Setup> {
  const library = await openLibrary(new IDBFactory());
  const stores = createStores();
  const doc = await library.create({ ...chainDesign(), name: 'A' }, 'test');
  stores.doc.getState().setDocument(doc.id, 'test', false);
  stores.design.getState().reset({ ...chainDesign(), name: 'A' });
  const training = createTrainingStore();
  const sent: ToWorker[] = [];
  const runs = createRunPersistence(
    stores,
    training,
    (m) => sent.push(m),
    () => Promise.resolve(library),
  );
  return { stores, training, runs, library, sent };
}

/** Trains run `id` for `epochs` epochs as the worker reports them, then ends it. */
function train(s: Setup, id: string, epochs: number, between?: () => void): void {
  s.training
    .getState()
    .dispatch({ type: 'start', id, startedAt: '2026-12-05T00:00:00Z', settings, estimate: null });
  s.runs.begin(s.stores.design.getState().design);
  for (let n = 1; n <= epochs; n++) {
    s.training.getState().dispatch({ type: 'epoch', record: epoch(n), preview: [] });
    s.runs.checkpoint(id, n, artifacts(n));
    if (n === 1) between?.();
  }
  s.training.getState().dispatch({ type: 'done', status: 'completed' });
  const run = runOf(s.training.getState().training);
  if (run) s.runs.finish(run);
}

const storedRuns = async (s: Setup, docId: string) =>
  (await createRunStorage(s.library).summaries(docId)).map((r) => r.runId).sort();

describe('runs kept with their document', () => {
  it('records a run and keeps only the latest and pinned runs’ weights', async () => {
    const s = await setup();
    const docId = s.stores.doc.getState().id ?? '';
    train(s, 'run-1', 2);
    await vi.waitFor(async () => expect(await storedRuns(s, docId)).toEqual(['run-1']));
    expect(s.stores.design.getState().design.runs.map((r) => r.id)).toEqual(['run-1']);
    train(s, 'run-2', 1);
    await vi.waitFor(async () => expect(await storedRuns(s, docId)).toEqual(['run-2']));
    // Pinned, a run keeps its weights when the next one ends; its record stays either way.
    s.stores.design.getState().transact('Pin run', (d) => ({
      ...d,
      runs: d.runs.map((r) => (r.id === 'run-2' ? { ...r, pinned: true } : r)),
    }));
    train(s, 'run-3', 1);
    await vi.waitFor(async () => expect(await storedRuns(s, docId)).toEqual(['run-2', 'run-3']));
    expect(s.stores.design.getState().design.runs.map((r) => r.id)).toEqual([
      'run-1',
      'run-2',
      'run-3',
    ]);
    await vi.waitFor(() => expect(s.runs.view.getState().stored).toHaveLength(2));
  });

  it('keeps a deleted run’s weights until the user removes them, so the delete can be undone', async () => {
    const s = await setup();
    const docId = s.stores.doc.getState().id ?? '';
    train(s, 'run-1', 1);
    await vi.waitFor(async () => expect(await storedRuns(s, docId)).toEqual(['run-1']));
    s.stores.design.getState().transact('Delete run', (d) => ({ ...d, runs: [] }));
    await s.runs.refresh();
    expect(await storedRuns(s, docId)).toEqual(['run-1']);
    s.stores.design.getState().undo();
    // Removing weights only touches runs the design no longer has.
    await s.runs.removeWeights(['run-1']);
    expect(await storedRuns(s, docId)).toEqual(['run-1']);
    s.stores.design.getState().redo();
    await s.runs.removeWeights(['run-1']);
    expect(await storedRuns(s, docId)).toEqual([]);
    expect(s.runs.view.getState().stored).toEqual([]);
  });

  it('stores a run with the document it started from when the user opens another', async () => {
    const s = await setup();
    const a = s.stores.doc.getState().id ?? '';
    const b = await s.library.create({ ...chainDesign(), name: 'B' }, 'test');
    train(s, 'run-1', 2, () => {
      s.stores.doc.getState().setDocument(b.id, 'test', false);
      s.stores.design.getState().reset({ ...chainDesign(), name: 'B' });
    });
    await vi.waitFor(async () => {
      const stored = await s.library.get(a);
      expect(stored?.kind === 'document' && stored.design.runs.map((r) => r.id)).toEqual(['run-1']);
    });
    expect(await storedRuns(s, a)).toEqual(['run-1']);
    expect(await storedRuns(s, b.id)).toEqual([]);
    expect(s.stores.design.getState().design.runs).toEqual([]);
    const weights = await createRunStorage(s.library).weights(a, 'run-1');
    expect(weights?.epoch).toBe(2);
  });

  it('shows the latest stored run of a document after a reload and loads its model', async () => {
    const s = await setup();
    const docId = s.stores.doc.getState().id ?? '';
    train(s, 'run-1', 2);
    await vi.waitFor(async () => expect(await storedRuns(s, docId)).toEqual(['run-1']));
    // A new panel on the same stores, as after a reload.
    const training = createTrainingStore();
    const sent: ToWorker[] = [];
    const runs = createRunPersistence(
      s.stores,
      training,
      (m) => sent.push(m),
      () => Promise.resolve(s.library),
    );
    const stop = runs.watch();
    await vi.waitFor(() => expect(training.getState().training.phase).toBe('finished'));
    const run = runOf(training.getState().training);
    expect(run?.id).toBe('run-1');
    expect(run?.epochs.map((e) => e.loss)).toEqual([1, 0.5]);
    expect(sent).toHaveLength(1);
    const load = sent[0];
    expect(load?.type === 'load-stored' && load.runId).toBe('run-1');
    expect(
      load?.type === 'load-stored' && [...new Float32Array(load.artifacts.weightData)],
    ).toEqual([2]);
    expect(runs.view.getState().loaded).toMatchObject({ runId: 'run-1', status: 'loading' });
    runs.loaded('run-1', null);
    expect(runs.view.getState().loaded?.status).toBe('ready');
    expect(runs.heldWeights()?.weightData.byteLength).toBe(4);
    // A document without runs shows nothing of the other's.
    const other = await s.library.create({ ...chainDesign(), name: 'C' }, 'test');
    s.stores.doc.getState().setDocument(other.id, 'test', false);
    s.stores.design.getState().reset({ ...chainDesign(), name: 'C' });
    await vi.waitFor(() => expect(training.getState().training.phase).toBe('idle'));
    expect(runs.heldWeights()).toBeNull();
    stop();
  });
});
