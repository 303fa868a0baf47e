import type { RunRecord } from '@unet-studio/compiler';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../persistence/library';
import { chainDesign } from '../state/testDesign';
import type { ModelArtifactsData } from './protocol';
import {
  createRunStorage,
  keptRuns,
  keysToRemove,
  modelFingerprint,
  previewKey,
  weightsKey,
  type StoredWeights,
} from './runStorage';

const record = (id: string, pinned?: boolean): RunRecord => ({
  id,
  startedAt: '2026-12-05T00:00:00.000Z',
  backend: 'wasm',
  epochs: [],
  settings: {},
  ...(pinned === undefined ? {} : { pinned }),
});

const weights = (runId: string, bytes: number[]): StoredWeights => {
  const artifacts: ModelArtifactsData = {
    modelTopology: { layers: runId },
    weightSpecs: [{ name: 'w', shape: [bytes.length / 4], dtype: 'float32' }],
    weightData: Uint8Array.from(bytes).buffer,
  };
  return { runId, epoch: 2, savedAt: 1, bytes: bytes.length, fingerprint: 'f', artifacts };
};

describe('runs stored with a document', () => {
  it('keeps the latest run and the pinned ones', () => {
    const runs = [record('a', true), record('b'), record('c', false), record('d')];
    expect([...keptRuns(runs, 'd')].sort()).toEqual(['a', 'd']);
    expect([...keptRuns(runs, null)]).toEqual(['a']);
    const keys = ['run-weights:a', 'run-preview:b', 'run-weights:b', 'run-weights:d', 'notes'];
    expect(keysToRemove(keys, keptRuns(runs, 'd'))).toEqual(['run-preview:b', 'run-weights:b']);
  });

  it('stores weights and previews, lists their sizes and prunes all but latest and pinned', async () => {
    const library = await openLibrary(new IDBFactory());
    const doc = await library.create(chainDesign(), 'test');
    const other = await library.create(chainDesign(), 'test');
    const storage = createRunStorage(library);
    await storage.save(doc.id, weights('a', [1, 2, 3, 4]), { runId: 'a', epoch: 2, samples: [] });
    await storage.save(doc.id, weights('b', [5, 6, 7, 8, 9, 10, 11, 12]), null);
    await storage.save(doc.id, weights('c', [0, 0, 0, 0]), { runId: 'c', epoch: 2, samples: [] });
    await storage.save(other.id, weights('b', [1, 1, 1, 1]), null);
    const sizes = (await storage.summaries(doc.id)).map((s) => [s.runId, s.bytes]).sort();
    expect(sizes).toEqual([
      ['a', 4],
      ['b', 8],
      ['c', 4],
    ]);
    const stored = await storage.weights(doc.id, 'b');
    expect([...new Uint8Array(stored?.artifacts.weightData ?? new ArrayBuffer(0))]).toEqual([
      5, 6, 7, 8, 9, 10, 11, 12,
    ]);
    // Run c ended; a is pinned; b was the latest before and is not.
    const removed = await storage.prune(doc.id, keptRuns([record('a', true), record('b')], 'c'));
    expect(removed).toEqual(['b']);
    expect((await library.attachmentKeys(doc.id)).sort()).toEqual([
      previewKey('a'),
      previewKey('c'),
      weightsKey('a'),
      weightsKey('c'),
    ]);
    expect(await storage.weights(doc.id, 'b')).toBeNull();
    expect(await storage.preview(doc.id, 'c')).toMatchObject({ runId: 'c', epoch: 2 });
    // Another document's runs are its own.
    expect(await storage.weights(other.id, 'b')).not.toBeNull();
  });

  it('goes with a duplicated document, and stays while a deleted one can be brought back', async () => {
    const library = await openLibrary(new IDBFactory());
    const doc = await library.create(chainDesign(), 'test');
    const storage = createRunStorage(library);
    await storage.save(doc.id, weights('a', [1, 2, 3, 4]), { runId: 'a', epoch: 2, samples: [] });
    const copy = await library.duplicate(doc.id);
    expect((await storage.summaries(copy.id)).map((s) => s.runId)).toEqual(['a']);
    expect(await storage.preview(copy.id, 'a')).toMatchObject({ runId: 'a' });
    await library.setDeleted(doc.id, 5);
    await library.setDeleted(doc.id, null);
    expect(await storage.weights(doc.id, 'a')).not.toBeNull();
    await library.setDeleted(doc.id, 5);
    await library.purgeDeletedBefore(6);
    expect(await storage.summaries(doc.id)).toEqual([]);
    expect((await storage.summaries(copy.id)).map((s) => s.runId)).toEqual(['a']);
  });

  it('tells weights that fit the design from weights of an edited design', () => {
    const design = chainDesign();
    const renamed = {
      ...design,
      name: 'other',
      model: {
        ...design.model,
        nodes: design.model.nodes.map((n) => ({ ...n, name: `shown ${n.id}` })),
      },
    };
    expect(modelFingerprint(renamed)).toBe(modelFingerprint(design));
    const edited = {
      ...design,
      model: {
        ...design.model,
        nodes: design.model.nodes.map((n) =>
          n.id === 'enc1' && n.kind === 'conv' ? { ...n, params: { ...n.params, filters: 8 } } : n,
        ),
      },
    };
    expect(modelFingerprint(edited)).not.toBe(modelFingerprint(design));
  });
});
