import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankDesign } from '../state/blankDesign';
import { createStores, type Stores } from '../state/StoreProvider';
import { chainDesign } from '../state/testDesign';
import { journalKey, readJournal, writeJournal } from './journal';
import { openLibrary, type Library } from './library';
import { MemoryStorage } from './memoryStorage';
import { openNewDocument } from './openDocument';
import { startSession } from './session';
import { SNAPSHOT_EVERY_EDITS } from './snapshotPolicy';

const names = async (library: Library): Promise<string[]> =>
  (await library.list()).map((e) => (e.kind === 'document' ? e.design.name : '?'));

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  vi.unstubAllGlobals();
});

/** Opens stored document `id` (saved at time 1000 as "stored") in a new session. */
async function reopened(library: Library, id: string): Promise<Stores> {
  const stored = { ...chainDesign(), name: 'stored' };
  await library.save(id, stored, 'a test', 1000);
  const stores = createStores();
  stores.doc.getState().setDocument(id, 'a test', false);
  stores.design.getState().reset(stored);
  stop = startSession(stores, library);
  await vi.waitFor(() => expect(stores.doc.getState().access.mode).toBe('editing'));
  return stores;
}

async function started(library: Library): Promise<Stores> {
  const stores = createStores();
  stores.doc.getState().setDocument('first', 'a test', true);
  stores.design.getState().reset({ ...chainDesign(), name: 'first' });
  stop = startSession(stores, library);
  await vi.waitFor(() => expect(stores.doc.getState().access.mode).toBe('editing'));
  return stores;
}

const rename = async (stores: Stores, library: Library, name: string): Promise<void> => {
  stores.design.getState().transact('Rename design', (d) => ({ ...d, name }));
  await vi.waitFor(async () => {
    expect(stores.ui.getState().saveStatus).toBe('saved');
    const entry = await library.get(stores.doc.getState().id ?? '');
    expect(entry?.kind === 'document' && entry.design.name).toBe(name);
  });
};

describe('document session', () => {
  it('saves edits into the open document, and opening a design leaves it as it was', async () => {
    const library = await openLibrary(new IDBFactory());
    const stores = await started(library);
    await rename(stores, library, 'edited');
    openNewDocument(stores, { ...blankDesign(), name: 'opened' }, 'a file');
    await vi.waitFor(async () => expect(await names(library)).toEqual(['opened', 'edited']));
    await rename(stores, library, 'opened and edited');
    expect(await names(library)).toEqual(['opened and edited', 'edited']);
  });

  it('takes a version at the first save and after every N saved edits', async () => {
    const library = await openLibrary(new IDBFactory());
    const stores = await started(library);
    await vi.waitFor(async () => expect(await library.snapshots('first')).toHaveLength(1));
    for (let i = 1; i <= SNAPSHOT_EVERY_EDITS; i++) await rename(stores, library, `edit ${i}`);
    const versions = await library.snapshots('first');
    expect(versions.map((v) => v.summary)).toEqual([
      `Renamed to “edit ${SNAPSHOT_EVERY_EDITS}”`,
      'Started with 8 layers',
    ]);
  });

  it('says when the storage is full, keeps the design, and saves again when it can', async () => {
    const library = await openLibrary(new IDBFactory());
    let full = false;
    const flaky: Library = {
      ...library,
      save: (...args) =>
        full
          ? Promise.reject(new DOMException('quota', 'QuotaExceededError'))
          : library.save(...args),
    };
    const stores = await started(flaky);
    full = true;
    stores.design.getState().transact('Rename design', (d) => ({ ...d, name: 'unsaved' }));
    await vi.waitFor(() => expect(stores.ui.getState().saveStatus).toBe('failed'));
    expect(stores.ui.getState().message?.text).toMatch(
      /not saved: the browser storage is full.*Save file/,
    );
    expect(stores.design.getState().design.name).toBe('unsaved');
    full = false;
    await rename(stores, library, 'saved at last');
    expect(stores.ui.getState().message?.text).toMatch(/Saving works again/);
  });

  it('restores and saves the changes journaled when the page was left, then clears the journal', async () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    const library = await openLibrary(new IDBFactory());
    writeJournal('doc', { ...chainDesign(), name: 'renamed before the reload' }, 2000);
    const stores = await reopened(library, 'doc');
    await vi.waitFor(async () => {
      const entry = await library.get('doc');
      expect(entry?.kind === 'document' && entry.design.name).toBe('renamed before the reload');
      expect(storage.getItem(journalKey('doc'))).toBeNull();
    });
    expect(stores.design.getState().design.name).toBe('renamed before the reload');
    // The restore is one undoable step.
    stores.design.getState().undo();
    expect(stores.design.getState().design.name).toBe('stored');
  });

  it('keeps the stored design over an older or unreadable journal', async () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    const library = await openLibrary(new IDBFactory());
    writeJournal('old', { ...chainDesign(), name: 'older' }, 500);
    storage.setItem(journalKey('bad'), JSON.stringify({ at: 9e15, text: '{"nodes":' }));
    for (const id of ['old', 'bad']) {
      const stores = await reopened(library, id);
      await vi.waitFor(() => expect(storage.getItem(journalKey(id))).toBeNull());
      expect(stores.design.getState().design.name).toBe('stored');
      const entry = await library.get(id);
      expect(entry?.kind === 'document' && entry.design.name).toBe('stored');
      stop?.();
      stop = null;
    }
  });

  it('clears the journal of a document once its edits are saved', async () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    const library = await openLibrary(new IDBFactory());
    const stores = await started(library);
    writeJournal('first', { ...chainDesign(), name: 'journaled' });
    await rename(stores, library, 'saved normally');
    expect(readJournal('first')).toBeNull();
  });
});
