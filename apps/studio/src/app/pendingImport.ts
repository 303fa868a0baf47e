/**
 * An import waiting for the user: a heliaEDGE section that needs its input size or class count.
 * One small store per app instance, kept beside its stores (so isolated instances stay isolated).
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportContextRequest } from '../io/importContext';
import { useStores, type Stores } from '../state/StoreProvider';

/** The import the dialog asks about, and the name it came under (a file name or "pasted text"). */
export interface PendingImport {
  readonly request: ImportContextRequest;
  readonly source: string;
}

/** The pending import and a number that changes with each question (the dialog's key). */
interface PendingState {
  readonly pending: PendingImport | null;
  readonly seq: number;
}

type PendingStore = StoreApi<PendingState>;

const stores = new WeakMap<Stores, PendingStore>();

/** The pending-import store of an app instance. */
export function pendingImportStore(of: Stores): PendingStore {
  let store = stores.get(of);
  if (!store) {
    store = createStore<PendingState>(() => ({ pending: null, seq: 0 }));
    stores.set(of, store);
  }
  return store;
}

/** Asks the user for what `request` lacks (a newer request replaces an unanswered one). */
export function askImportContext(of: Stores, pending: PendingImport): void {
  pendingImportStore(of).setState((s) => ({ pending, seq: s.seq + 1 }));
}

/** Closes the question without importing. */
export function dismissImportContext(of: Stores): void {
  pendingImportStore(of).setState({ pending: null });
}

/** The pending import of the enclosing app (or null) and its question's number. */
export function usePendingImport(): PendingState {
  return useStore(pendingImportStore(useStores()));
}
