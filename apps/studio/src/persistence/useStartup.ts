/**
 * Loads the start design once: reads the autosave, chooses between template, link, autosave and
 * blank, and clears the query and hash so that a reload restores the autosave.
 */
import { useEffect, useState } from 'react';
import { chooseStart } from '../app/startup';
import { useStores } from '../state/StoreProvider';
import { AUTOSAVE_KEY, getRecord } from './idb';

/** True once the start design is in the store (autosave may begin). */
export function useStartup(): boolean {
  const stores = useStores();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let cancelled = false;
    const run = async (): Promise<void> => {
      let autosave: string | null = null;
      let storageProblem: string | null = null;
      try {
        autosave = (await getRecord(AUTOSAVE_KEY))?.text ?? null;
      } catch (error) {
        storageProblem = `Designs cannot be stored in this browser (${error instanceof Error ? error.message : String(error)}).`;
      }
      if (cancelled) return;
      const start = chooseStart(window.location.search, window.location.hash, autosave);
      stores.design.getState().reset(start.design);
      const warning = start.warning ?? storageProblem;
      if (warning) stores.ui.getState().notify('error', warning);
      if (
        start.source === 'template' ||
        start.source === 'link' ||
        window.location.hash ||
        window.location.search
      ) {
        window.history.replaceState(null, '', window.location.pathname);
      }
      stores.ui.getState().requestFit();
      setReady(true);
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [stores]);
  return ready;
}
