/**
 * Autosave: every change of the design is written to IndexedDB (changes arriving together, such as
 * drag ticks, are written once, with the latest design). The UI store shows the state.
 */
import { serializeDesign, type Design } from '@unet-studio/compiler';
import { useEffect } from 'react';
import { useStores } from '../state/StoreProvider';
import { AUTOSAVE_KEY, putRecord } from './idb';

/** Saves the design after every change once `enabled` (after the start design is loaded). */
export function useAutosave(enabled: boolean): void {
  const stores = useStores();
  useEffect(() => {
    if (!enabled) return undefined;
    let scheduled = false;
    let written: Design | null = null;
    let stopped = false;
    const write = async (): Promise<void> => {
      scheduled = false;
      const { design, previewBase } = stores.design.getState();
      // A drag in progress is saved when it ends.
      if (stopped || previewBase) return;
      // Undo can come back to the design already stored.
      if (design === written) {
        stores.ui.getState().setSaveStatus('saved');
        return;
      }
      written = design;
      try {
        await putRecord({ name: AUTOSAVE_KEY, text: serializeDesign(design), savedAt: Date.now() });
        if (!scheduled && stores.design.getState().design === design)
          stores.ui.getState().setSaveStatus('saved');
      } catch {
        written = null;
        stores.ui.getState().setSaveStatus('failed');
      }
    };
    const unsubscribe = stores.design.subscribe((s, prev) => {
      if (s.design === prev.design && s.previewBase === prev.previewBase) return;
      stores.ui.getState().setSaveStatus('pending');
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => void write(), 50);
    });
    // The start design (a template, a link) is saved at once so that a reload finds it.
    scheduled = true;
    setTimeout(() => void write(), 0);
    return () => {
      stopped = true;
      unsubscribe();
    };
  }, [enabled, stores]);
}
