/**
 * The document this tab works on: its id in the library, where it came from, and whether this tab
 * may write it (another tab may hold it, or the browser may refuse storage).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

/** Whether this tab saves its edits. */
export type Access =
  | { readonly mode: 'starting' }
  | { readonly mode: 'editing' }
  /** Another tab edits this document: this one shows it and follows its edits, but cannot edit. */
  | { readonly mode: 'read-only'; readonly reason: string }
  /** The browser keeps nothing (private mode, storage off or full): edits stay in this tab. */
  | { readonly mode: 'unsaved'; readonly reason: string };

/** State and actions of the document store. */
export interface DocState {
  /** The current document's id, or null before start. */
  readonly id: string | null;
  /** Where the current document came from, used when it is first stored. */
  readonly origin: string;
  /** True while the current document is new and not stored yet. */
  readonly fresh: boolean;
  readonly access: Access;
  /** Increases whenever the library changed (here or in another tab), so lists refresh. */
  readonly libraryVersion: number;
  /** Switches this tab to document `id` (`fresh`: a new one, stored on first write). */
  setDocument(id: string, origin: string, fresh: boolean): void;
  /** Marks the current document as stored. */
  stored(): void;
  setAccess(access: Access): void;
  libraryChanged(): void;
}

/** The document store's API. */
export type DocStore = StoreApi<DocState>;

/** Creates an isolated document store. */
export function createDocStore(): DocStore {
  return createStore<DocState>()((set, get) => ({
    id: null,
    origin: '',
    fresh: false,
    access: { mode: 'starting' },
    libraryVersion: 0,
    setDocument(id, origin, fresh) {
      if (get().id !== id) set({ id, origin, fresh });
    },
    stored() {
      if (get().fresh) set({ fresh: false });
    },
    setAccess(access) {
      set({ access });
    },
    libraryChanged() {
      set({ libraryVersion: get().libraryVersion + 1 });
    },
  }));
}
