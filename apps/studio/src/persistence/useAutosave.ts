/**
 * Runs this tab's document session (see `session.ts`) once the start document is chosen: saving,
 * versions, and the one-editing-tab guard.
 */
import { useEffect } from 'react';
import { useStores } from '../state/StoreProvider';
import { getLibrary } from './libraryHandle';
import { startSession } from './session';

/** Saves the current document after every change once `enabled` and storage is available. */
export function useAutosave(enabled: boolean): void {
  const stores = useStores();
  useEffect(() => {
    if (!enabled || stores.doc.getState().access.mode === 'unsaved') return undefined;
    let stop: (() => void) | null = null;
    let cancelled = false;
    getLibrary().then(
      (library) => {
        if (!cancelled) stop = startSession(stores, library);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [enabled, stores]);
}
