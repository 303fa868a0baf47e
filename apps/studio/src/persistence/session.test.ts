import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blankDesign } from '../state/blankDesign';
import { createStores, type Stores } from '../state/StoreProvider';
import { chainDesign } from '../state/testDesign';
import { openLibrary, type Library } from './library';
import { openNewDocument } from './openDocument';
import { startSession } from './session';
import { SNAPSHOT_EVERY_EDITS } from './snapshotPolicy';

const names = async (library: Library): Promise<string[]> =>
  (await library.list()).map((e) => (e.kind === 'document' ? e.design.name : '?'));

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
});

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
});
