/**
 * Loads the start document once: reads the library, chooses between template, link, this tab's
 * document, the most recent one and a new blank design (see `chooseStart`), says what could not be
 * opened, and clears the query and hash so that a reload reopens the same document.
 */
import { useEffect, useState } from 'react';
import { openDesign } from '../app/actions';
import { chooseStart } from '../app/startup';
import { useStores } from '../state/StoreProvider';
import { describeStorageError, newDocumentId } from './db';
import { getLibrary, rememberedDocument } from './libraryHandle';
import type { LibraryEntry, ReadableDocument } from './records';

/** Documents deleted longer ago than this are removed for good at start. */
export const KEEP_DELETED_MS = 30 * 24 * 3600_000;

/** True once the start design is in the store (the session may begin). */
export function useStartup(): boolean {
  const stores = useStores();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const run = async (): Promise<void> => {
      let entries: LibraryEntry[] = [];
      let storageProblem: string | null = null;
      try {
        const library = await getLibrary();
        await library.purgeDeletedBefore(Date.now() - KEEP_DELETED_MS);
        entries = await library.list();
      } catch (error) {
        storageProblem = `Designs cannot be kept in this browser: ${describeStorageError(error)}. You can still work and download the design (Designs → Save file).`;
      }
      if (cancelled) return;
      const documents = entries.filter(
        (e): e is ReadableDocument => e.kind === 'document' && e.record.deletedAt === null,
      );
      const start = chooseStart(
        window.location.search,
        window.location.hash,
        documents,
        rememberedDocument(),
      );
      if (storageProblem)
        stores.doc.getState().setAccess({ mode: 'unsaved', reason: storageProblem });
      stores.doc
        .getState()
        .setDocument(start.docId ?? newDocumentId(), start.origin, start.docId === null);
      stores.design.getState().reset(start.design);
      const unreadable = entries.length - entries.filter((e) => e.kind === 'document').length;
      const notice =
        unreadable > 0
          ? `${unreadable} stored design${unreadable === 1 ? '' : 's'} could not be opened; ${unreadable === 1 ? 'it is' : 'they are'} kept under Designs → Could not be opened.`
          : null;
      const warning = start.warning ?? storageProblem;
      if (warning) stores.ui.getState().notify('error', warning);
      else if (notice) stores.ui.getState().notify('info', notice);
      if (window.location.hash || window.location.search)
        window.history.replaceState(null, '', window.location.pathname);
      stores.ui.getState().requestFit();
      setReady(true);
    };
    void run();
    // A share link pasted into a tab already open changes only the hash: open it as a new document.
    const onHash = (): void => {
      const start = chooseStart('', window.location.hash, []);
      if (start.source !== 'link' && !start.warning) return;
      if (start.source === 'link') openDesign(stores, start.design, start.origin);
      if (start.warning) stores.ui.getState().notify('error', start.warning);
      window.history.replaceState(null, '', window.location.pathname);
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      cancelled = true;
      window.removeEventListener('hashchange', onHash);
    };
  }, [stores]);
  return ready;
}
