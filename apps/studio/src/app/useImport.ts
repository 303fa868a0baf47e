/**
 * Opening files and text: a good one replaces the design as one undoable step; a malformed or
 * foreign one is refused with a message naming the bad field, and the design stays as it was.
 */
import { useCallback } from 'react';
import { readFileBytes } from '../io/browserFiles';
import { importBytes, importText, type ImportOutcome } from '../io/importDocument';
import { useStores, type Stores } from '../state/StoreProvider';
import { openDesign } from './actions';
import { askImportContext } from './pendingImport';

/**
 * Applies an import outcome: opens the design, asks for what a heliaEDGE section lacks, or shows
 * why it was refused. True when opened.
 */
export function applyImport(stores: Stores, outcome: ImportOutcome, source: string): boolean {
  if (!outcome.ok && outcome.context) {
    askImportContext(stores, { request: outcome.context, source });
    return false;
  }
  if (!outcome.ok) {
    stores.ui.getState().notify('error', outcome.message);
    return false;
  }
  openDesign(stores, outcome.design, `Open ${source}`);
  stores.ui.getState().notify('info', `Opened ${outcome.what} ${source}.`);
  return true;
}

/** Imports pasted or typed text. */
export function importTextInto(stores: Stores, text: string, source = 'pasted text'): boolean {
  return applyImport(stores, importText(text), source);
}

/** A callback that imports a file (picked or dropped). */
export function useImport(): (file: File) => Promise<boolean> {
  const stores = useStores();
  return useCallback(
    async (file: File) => {
      try {
        const bytes = await readFileBytes(file);
        return applyImport(stores, importBytes(bytes, file.name), file.name);
      } catch (error) {
        stores.ui
          .getState()
          .notify(
            'error',
            `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
          );
        return false;
      }
    },
    [stores],
  );
}
