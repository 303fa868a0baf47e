/**
 * This tab's document session: holds the current document's lock (one editing tab per document),
 * saves each change of the design into that document, takes versions as the user works, tells the
 * other tabs, and follows another tab's edits while read-only.
 */
import { parseDesign, serializeDesign, type Design } from '@unet-studio/compiler';
import type { Stores } from '../state/StoreProvider';
import { summarizeChange } from './changeSummary';
import { announce, listen } from './channel';
import { describeStorageError } from './db';
import { clearJournal, journalToApply, writeJournal } from './journal';
import type { Library } from './library';
import { rememberDocument } from './libraryHandle';
import { snapshotDue, type SnapshotClock } from './snapshotPolicy';
import { acquireDocumentLock, type DocumentLock } from './tabLock';

interface Job {
  readonly id: string;
  readonly design: Design;
  readonly origin: string;
}

interface Clock extends SnapshotClock {
  readonly base: Design | null;
}

/** The message shown while another tab edits the document. */
export const READ_ONLY_REASON =
  'This design is open in another tab, which saves it. This tab shows its edits but cannot change it; close the other tab to edit here, or open a copy.';

/** Starts the session; returns the function that stops it. */
export function startSession(stores: Stores, library: Library): () => void {
  let stopped = false;
  let lock: DocumentLock | null = null;
  let generation = 0;
  let pending: Job | null = null;
  // The latest edit not yet written (scheduled, queued or being written).
  let unsaved: Job | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let chain = Promise.resolve();
  let lastWritten: Job | null = null;
  let failing = false;
  const clocks = new Map<string, Clock>();
  const ui = () => stores.ui.getState();

  const clockOf = async (id: string): Promise<Clock> => {
    const known = clocks.get(id);
    if (known) return known;
    const latest = (await library.snapshots(id))[0];
    const parsed = latest ? parseDesign(latest.text) : null;
    return { base: parsed?.ok ? parsed.value : null, edits: 0, lastAt: latest?.at ?? null };
  };

  const written = (job: Job): void => {
    if (unsaved === job) unsaved = null;
    // The journal kept for a quick reload is not needed once its document is saved.
    if (unsaved?.id !== job.id) clearJournal(job.id);
  };

  const write = async (job: Job): Promise<void> => {
    if (lastWritten?.id === job.id && lastWritten.design === job.design) {
      written(job);
      if (!pending) ui().setSaveStatus('saved');
      return;
    }
    try {
      const now = Date.now();
      await library.save(job.id, job.design, job.origin, now);
      lastWritten = job;
      written(job);
      if (stores.doc.getState().id === job.id) stores.doc.getState().stored();
      const before = await clockOf(job.id);
      const clock = { ...before, edits: before.edits + 1 };
      if (snapshotDue(clock, now)) {
        const summary = summarizeChange(clock.base, job.design);
        await library.addSnapshot(job.id, serializeDesign(job.design), summary, now);
        clocks.set(job.id, { base: job.design, edits: 0, lastAt: now });
      } else clocks.set(job.id, clock);
      announce({ docId: job.id });
      stores.doc.getState().libraryChanged();
      if (!pending) ui().setSaveStatus('saved');
      if (failing) ui().notify('info', 'Saving works again: your design is saved.');
      failing = false;
    } catch (error) {
      ui().setSaveStatus('failed');
      if (!failing)
        ui().notify(
          'error',
          `Your changes are not saved: ${describeStorageError(error)}. Download the design with Designs → Save file to keep it.`,
        );
      failing = true;
    }
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const job = pending;
    pending = null;
    if (job) chain = chain.then(() => write(job));
    return chain;
  };

  const schedule = (job: Job): void => {
    // The last edit of the document being left goes to that document.
    if (pending && pending.id !== job.id) void flush();
    pending = job;
    unsaved = job;
    ui().setSaveStatus('pending');
    timer ??= setTimeout(() => void flush(), 50);
  };

  // Changes journaled when the page was left, and not saved before it went away, come back here.
  const recover = async (id: string, shown: Design): Promise<void> => {
    const entry = await library.get(id).catch(() => undefined);
    const { id: current, access } = stores.doc.getState();
    if (stopped || current !== id || access.mode !== 'editing') return;
    // An unreadable stored record is kept aside as it is; so is the journal.
    if (entry?.kind !== 'document') return;
    const found = journalToApply(id, entry.record.modifiedAt, entry.record.text);
    if (!found) return clearJournal(id);
    // An edit made since the document opened is newer than the journal.
    if (stores.design.getState().design !== shown) return;
    stores.design.getState().transact('Restore unsaved changes', () => found.design);
    ui().notify('info', 'The changes made just before the page was left are restored and saved.');
  };

  const becomeEditor = (id: string): void => {
    stores.design.getState().setReadOnly(false);
    stores.doc.getState().setAccess({ mode: 'editing' });
    const { fresh, origin } = stores.doc.getState();
    // A new document is stored at once, so that a quick reload finds it.
    if (fresh) {
      schedule({ id, design: stores.design.getState().design, origin });
      void flush();
    } else void recover(id, stores.design.getState().design);
  };

  const reload = async (id: string): Promise<void> => {
    const entry = await library.get(id);
    if (entry?.kind === 'document' && stores.doc.getState().id === id)
      stores.design.getState().reset(entry.design);
  };

  const onDocument = async (id: string): Promise<void> => {
    const mine = ++generation;
    lock?.release();
    lock = null;
    rememberDocument(id);
    stores.doc.getState().setAccess({ mode: 'starting' });
    stores.design.getState().setReadOnly(true);
    const taken = await acquireDocumentLock(id);
    if (mine !== generation || stopped) return taken.release();
    lock = taken;
    if (taken.held) return becomeEditor(id);
    stores.doc.getState().setAccess({ mode: 'read-only', reason: READ_ONLY_REASON });
    void taken.granted.then(async () => {
      if (mine !== generation || stopped) return;
      await reload(id);
      becomeEditor(id);
      ui().notify('info', 'The other tab closed this design: you can edit it here now.');
    });
  };

  const unsubscribeDesign = stores.design.subscribe((s, prev) => {
    if (s.design === prev.design && s.previewBase === prev.previewBase) return;
    // A drag in progress is saved when it ends.
    if (s.previewBase) return;
    const { id, origin, access } = stores.doc.getState();
    if (id && access.mode === 'editing') schedule({ id, design: s.design, origin });
  });
  const unsubscribeDoc = stores.doc.subscribe((s, prev) => {
    if (s.id && s.id !== prev.id) void onDocument(s.id);
  });
  const unlisten = listen(({ docId }) => {
    stores.doc.getState().libraryChanged();
    const { id, access } = stores.doc.getState();
    if (docId !== null && docId === id && access.mode === 'read-only') void reload(docId);
  });
  const current = stores.doc.getState().id;
  if (current) void onDocument(current);
  // The page may go away before an IndexedDB write ends: journal the unsaved design synchronously.
  const onHide = (): void => {
    if (unsaved) writeJournal(unsaved.id, unsaved.design);
    void flush();
  };
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') onHide();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
  }

  return () => {
    void flush();
    stopped = true;
    lock?.release();
    unsubscribeDesign();
    unsubscribeDoc();
    unlisten();
    if (typeof window !== 'undefined') {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    }
  };
}
