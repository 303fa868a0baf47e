import { zTrainingSpec } from '@unet-studio/compiler';
import type { EpochRecord } from '@unet-studio/runtime';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { openLibrary } from '../persistence/library';
import { createStores } from '../state/StoreProvider';
import { chainDesign } from '../state/testDesign';
import type { ModelArtifactsData, PreviewSample, ToWorker } from './protocol';
import { createRunPersistence } from './runPersistence';
import { runRecordOf, withRun } from './runRecord';
import { createRunStorage, modelFingerprint } from './runStorage';
import { defaultSettings } from './settings';
import { createTrainingStore } from './trainingStore';
import { runOf } from './trainingState';

const settings = {
  ...defaultSettings({ size: [32, 32], channels: 3, classes: 1 }, zTrainingSpec.parse({})),
  epochs: 3,
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

const sample = {
  input: { width: 1, height: 1, rgba: new Uint8ClampedArray(4) },
} as unknown as PreviewSample;

async function setup() {
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
  return { library, stores, training, sent, runs, docId: doc.id };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** A server run of `epochs` epochs as the server driver shows and records it. */
function serverRun(s: Setup, id: string, epochs: number): void {
  const t = s.training.getState();
  t.dispatch({ type: 'start', id, startedAt: '2026-12-05T00:00:00Z', settings, estimate: null });
  t.dispatch({
    type: 'backend',
    backend: { name: 'server', summary: 'server', software: false, notes: [] },
  });
  for (let n = 1; n <= epochs; n++)
    s.training.getState().dispatch({ type: 'epoch', record: epoch(n), preview: [sample] });
  s.training.getState().dispatch({ type: 'done', status: 'completed' });
  const run = runOf(s.training.getState().training);
  if (run) s.stores.design.getState().transact('Record', (d) => withRun(d, runRecordOf(run)));
}

describe('a server run’s converted model kept with its document', () => {
  it('stores the weights and preview as a browser run’s, loads them, and keeps only latest and pinned', async () => {
    const s = await setup();
    const storage = createRunStorage(s.library);
    const design = s.stores.design.getState().design;
    serverRun(s, 'run-s1', 3);
    const kept = s.runs.adopt('run-s1', artifacts(7), design);
    // The worker gets the model under the run's own id, and it is the shown model.
    const load = s.sent.at(-1);
    expect(load?.type === 'load-stored' && load.runId).toBe('run-s1');
    expect(s.runs.view.getState().loaded).toMatchObject({ runId: 'run-s1', status: 'loading' });
    s.runs.loaded('run-s1', null);
    expect(s.runs.view.getState().loaded?.status).toBe('ready');
    await kept;
    expect((await storage.summaries(s.docId)).map((r) => r.runId)).toEqual(['run-s1']);
    const weights = await storage.weights(s.docId, 'run-s1');
    expect(weights?.epoch).toBe(3);
    expect(weights?.fingerprint).toBe(modelFingerprint(design));
    expect([...new Float32Array(weights?.artifacts.weightData ?? new ArrayBuffer(0))]).toEqual([7]);
    expect((await storage.preview(s.docId, 'run-s1'))?.samples).toHaveLength(1);
    expect(s.runs.heldWeights()?.weightData.byteLength).toBe(4);
    await vi.waitFor(() => expect(s.runs.view.getState().stored).toHaveLength(1));

    // A later server run replaces the unpinned one's weights; its record stays.
    serverRun(s, 'run-s2', 1);
    await s.runs.adopt('run-s2', artifacts(8), design);
    expect((await storage.summaries(s.docId)).map((r) => r.runId)).toEqual(['run-s2']);
    expect(s.stores.design.getState().design.runs.map((r) => r.id)).toEqual(['run-s1', 'run-s2']);
  });

  it('stores nothing for a run its document does not record (another document opened since)', async () => {
    const s = await setup();
    serverRun(s, 'run-s1', 1);
    const other = await s.library.create({ ...chainDesign(), name: 'B' }, 'test');
    s.stores.doc.getState().setDocument(other.id, 'test', false);
    s.stores.design.getState().reset({ ...chainDesign(), name: 'B' });
    await s.runs.adopt('run-s1', artifacts(1), s.stores.design.getState().design);
    const storage = createRunStorage(s.library);
    expect(await storage.summaries(other.id)).toEqual([]);
    expect(await storage.summaries(s.docId)).toEqual([]);
  });

  it('after a reload, opens the stored server run and loads its weights without the server', async () => {
    const s = await setup();
    serverRun(s, 'run-s1', 2);
    await s.runs.adopt('run-s1', artifacts(5), s.stores.design.getState().design);
    const training = createTrainingStore();
    const sent: ToWorker[] = [];
    const runs = createRunPersistence(
      s.stores,
      training,
      (m) => sent.push(m),
      () => Promise.resolve(s.library),
    );
    const stop = runs.watch();
    await vi.waitFor(() => expect(runOf(training.getState().training)?.id).toBe('run-s1'));
    const load = sent[0];
    expect(
      load?.type === 'load-stored' && [...new Float32Array(load.artifacts.weightData)],
    ).toEqual([5]);
    stop();
  });
});
