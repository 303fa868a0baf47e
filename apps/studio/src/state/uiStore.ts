/**
 * The UI store: selection, panels, the add-node search, messages and view settings. Nothing here
 * is saved with the design.
 */
import type { LayerKind } from '@unet-studio/compiler';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** Where the add-node search opened and, when it came from a dropped wire, which port it continues. */
export interface SearchRequest {
  /** Screen position of the search box. */
  readonly screen: { readonly x: number; readonly y: number };
  /** Canvas position where the new node goes. */
  readonly flow: { readonly x: number; readonly y: number };
  /** The wire being continued: the node, its port and whether that port is an output. */
  readonly from?: { readonly nodeId: string; readonly port: string; readonly isOutput: boolean };
  /** Only these kinds are offered (those that can take the wire). */
  readonly kinds?: readonly LayerKind[];
}

/** A message shown to the user (an import refused, a link copied). */
export interface Message {
  readonly kind: 'error' | 'info';
  readonly text: string;
  /** Increases with every message so that the same text shown twice still re-renders. */
  readonly seq: number;
}

/** Autosave state: `pending` while a change waits to be written. */
export type SaveStatus = 'idle' | 'pending' | 'saved' | 'failed';

/** The side panels that can be opened. */
export const PANELS = ['export', 'templates', 'levels', 'designs', 'help'] as const;
/** A side panel. */
export type Panel = (typeof PANELS)[number];

/** State and actions of the UI store. */
export interface UiState {
  readonly selectedNodes: readonly string[];
  readonly selectedEdges: readonly string[];
  /** The open overlay panel, if any. */
  readonly panel: Panel | null;
  readonly search: SearchRequest | null;
  readonly message: Message | null;
  /** Why the connection being dragged would be refused (null when it is fine or none is dragged). */
  readonly connectionHint: string | null;
  /** Batch size used for the totals (cost figures). */
  readonly batch: number;
  /** A request to centre the canvas on a node; `seq` makes repeated requests distinct. */
  readonly focus: { readonly nodeId: string; readonly seq: number } | null;
  /** Increases when the canvas should zoom to fit (a design was opened). */
  readonly fitSeq: number;
  /**
   * What the last fit request asked for: the whole design (zoom to fit, auto-layout), or, when
   * false, a readable zoom starting at the input (a design was opened).
   */
  readonly fitAll: boolean;
  /** Where the autosave stands. */
  readonly saveStatus: SaveStatus;
  select(nodes: readonly string[], edges?: readonly string[]): void;
  openPanel(panel: Panel | null): void;
  openSearch(request: SearchRequest | null): void;
  notify(kind: Message['kind'], text: string): void;
  dismissMessage(): void;
  setConnectionHint(hint: string | null): void;
  setBatch(batch: number): void;
  focusNode(nodeId: string): void;
  /** Asks the canvas to fit the design: all of it when `all`, else at a readable zoom. */
  requestFit(all?: boolean): void;
  setSaveStatus(status: SaveStatus): void;
}

/** The UI store's API. */
export type UiStore = StoreApi<UiState>;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Creates an isolated UI store. */
export function createUiStore(): UiStore {
  return createStore<UiState>()((set, get) => ({
    selectedNodes: [],
    selectedEdges: [],
    panel: null,
    search: null,
    message: null,
    connectionHint: null,
    batch: 1,
    focus: null,
    fitSeq: 0,
    fitAll: false,
    saveStatus: 'idle',
    select(nodes, edges = []) {
      const s = get();
      if (sameList(s.selectedNodes, nodes) && sameList(s.selectedEdges, edges)) return;
      set({ selectedNodes: [...nodes], selectedEdges: [...edges] });
    },
    openPanel(panel) {
      set({ panel: get().panel === panel ? null : panel });
    },
    openSearch(search) {
      set({ search });
    },
    notify(kind, text) {
      set({ message: { kind, text, seq: (get().message?.seq ?? 0) + 1 } });
    },
    dismissMessage() {
      set({ message: null });
    },
    setConnectionHint(connectionHint) {
      if (get().connectionHint !== connectionHint) set({ connectionHint });
    },
    setBatch(batch) {
      if (Number.isInteger(batch) && batch > 0) set({ batch });
    },
    focusNode(nodeId) {
      set({
        focus: { nodeId, seq: (get().focus?.seq ?? 0) + 1 },
        selectedNodes: [nodeId],
        selectedEdges: [],
      });
    },
    requestFit(all = false) {
      set({ fitSeq: get().fitSeq + 1, fitAll: all });
    },
    setSaveStatus(saveStatus) {
      if (get().saveStatus !== saveStatus) set({ saveStatus });
    },
  }));
}
