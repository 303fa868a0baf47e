/**
 * What the Designs panel does to the library: open, rename, duplicate, delete (to Recently deleted,
 * undoable), restore a version. A document open in another tab is not changed from here: the user
 * is told where it is open.
 */
import { parseDesign, serializeDesign, type Design } from '@unet-studio/compiler';
import type { Stores } from '../state/StoreProvider';
import { blankDesign } from '../state/blankDesign';
import { summarizeChange } from './changeSummary';
import { announce } from './channel';
import { getLibrary } from './libraryHandle';
import { openNewDocument, openStoredDocument } from './openDocument';
import type { ReadableDocument } from './records';
import type { Snapshot } from './snapshots';
import { whileUnlocked } from './tabLock';

const changed = (stores: Stores, docId: string | null = null): void => {
  announce({ docId });
  stores.doc.getState().libraryChanged();
};

const busy = (stores: Stores, name: string): void =>
  stores.ui
    .getState()
    .notify('error', `“${name}” is open in another tab: change it there, or close that tab first.`);

/** Opens a library document in this tab (read-only when another tab edits it). */
export function openEntry(stores: Stores, entry: ReadableDocument): void {
  openStoredDocument(stores, entry.record.id, entry.design, entry.record.origin);
  stores.ui.getState().select([]);
  stores.ui.getState().requestFit();
}

/** Renames a document: the current one as an undoable edit, another one in the library. */
export async function renameEntry(
  stores: Stores,
  entry: ReadableDocument,
  name: string,
): Promise<void> {
  const clean = name.trim().slice(0, 120);
  if (clean === '' || clean === entry.design.name) return;
  if (stores.doc.getState().id === entry.record.id) {
    if (stores.design.getState().readOnly) return busy(stores, entry.design.name);
    stores.design.getState().transact('Rename design', (d) => ({ ...d, name: clean }));
    return;
  }
  const library = await getLibrary();
  const done = await whileUnlocked(entry.record.id, async () => {
    // Read again under the lock: the list may predate another tab's last save.
    const latest = await library.get(entry.record.id);
    if (latest?.kind === 'document')
      await library.save(entry.record.id, { ...latest.design, name: clean });
  });
  if (!done) return busy(stores, entry.design.name);
  changed(stores, entry.record.id);
}

/** Copies a document (with what is stored with it); the current one with its latest edits. */
export async function duplicateEntry(stores: Stores, entry: ReadableDocument): Promise<void> {
  const library = await getLibrary();
  const copy = await library.duplicate(entry.record.id);
  if (stores.doc.getState().id === entry.record.id)
    await library.save(copy.id, { ...stores.design.getState().design, name: copy.name });
  changed(stores);
  stores.ui.getState().notify('info', `Copied as “${copy.name}”.`);
}

/**
 * Moves a document to Recently deleted. The current one is left first for the most recent other
 * document (or a new blank one). Returns false when another tab has it open.
 */
export async function deleteEntry(
  stores: Stores,
  entry: ReadableDocument,
  others: readonly ReadableDocument[],
): Promise<boolean> {
  const library = await getLibrary();
  const id = entry.record.id;
  if (stores.doc.getState().id === id) {
    if (stores.design.getState().readOnly) {
      busy(stores, entry.design.name);
      return false;
    }
    await library.setDeleted(id, Date.now());
    const next = others.find((o) => o.record.id !== id);
    if (next) openEntry(stores, next);
    else openNewDocument(stores, blankDesign(), 'a new blank design');
  } else {
    const done = await whileUnlocked(id, () => library.setDeleted(id, Date.now()));
    if (!done) {
      busy(stores, entry.design.name);
      return false;
    }
  }
  changed(stores);
  return true;
}

/** Brings a document back from Recently deleted. */
export async function undeleteEntry(stores: Stores, id: string): Promise<void> {
  await (await getLibrary()).setDeleted(id, null);
  changed(stores);
}

/**
 * Restores a version of the current document as one undoable step, after keeping the current
 * state as a version of its own (so restoring loses nothing).
 */
export async function restoreVersion(stores: Stores, snapshot: Snapshot): Promise<void> {
  const parsed = parseDesign(snapshot.text);
  const { id } = stores.doc.getState();
  if (!parsed.ok || !id) {
    stores.ui.getState().notify('error', 'This version cannot be read, so it cannot be restored.');
    return;
  }
  if (stores.design.getState().readOnly) return busy(stores, stores.design.getState().design.name);
  const current: Design = stores.design.getState().design;
  const when = new Date(snapshot.at).toLocaleString();
  const library = await getLibrary();
  await library.addSnapshot(
    id,
    serializeDesign(current),
    `Before restoring the version of ${when}: ${summarizeChange(parsed.value, current)}`,
  );
  stores.design.getState().load(parsed.value, `Restore the version of ${when}`);
  stores.ui.getState().requestFit();
  changed(stores, id);
}
