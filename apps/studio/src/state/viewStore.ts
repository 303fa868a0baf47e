/**
 * The canvas views of the current design (shape text, parameter count and problems of every node
 * and edge, see `flow/views.ts`), with one subscription per node and per edge. When the model or
 * the batch size changes, only the nodes and edges whose view object changed are told: a one-node
 * edit wakes up that node and its downstream neighbours, not all 500 nodes, and no listener runs a
 * selector per store change. Views follow the shared, memoised compilation (`compiledFor`).
 */
import type { CompiledDesign, Model } from '@unet-studio/compiler';
import {
  NO_VIEWS,
  UNKNOWN_EDGE,
  UNKNOWN_NODE,
  type CanvasViews,
  type EdgeView,
  type NodeView,
} from '../flow/views';
import { compiledFor } from './compiledCache';
import type { DesignStore } from './designStore';
import type { UiStore } from './uiStore';
import { viewsFor } from './viewCache';

/** Called when a node's or an edge's view has changed. */
export type ViewListener = () => void;

/** The views of one app instance's design. */
export interface ViewStore {
  /** The views of the current design at the chosen batch size. */
  getViews(): CanvasViews;
  /** The view of node `id` (an unknown view when the compilation does not know it). */
  node(id: string): NodeView;
  /** The view of edge `id` (an unknown view when the compilation does not know it). */
  edge(id: string): EdgeView;
  /** Calls `listener` whenever node `id`'s view changes; returns the unsubscribe function. */
  subscribeNode(id: string, listener: ViewListener): () => void;
  /** Calls `listener` whenever edge `id`'s view changes; returns the unsubscribe function. */
  subscribeEdge(id: string, listener: ViewListener): () => void;
}

type Listeners = Map<string, Set<ViewListener>>;

function add(all: Listeners, id: string, listener: ViewListener): () => void {
  let set = all.get(id);
  if (!set) {
    set = new Set();
    all.set(id, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0 && all.get(id) === set) all.delete(id);
  };
}

function notify<T>(all: Listeners, before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>) {
  // Only subscribed ids are compared: nodes outside the view have no listener.
  const due: ViewListener[] = [];
  for (const [id, set] of all) if (before.get(id) !== after.get(id)) due.push(...set);
  for (const listener of due) listener();
}

/** Creates the view store of `design` and `ui`; it follows them for the app's lifetime. */
export function createViewStore(design: DesignStore, ui: UiStore): ViewStore {
  let model: Model | null = null;
  let batch = 0;
  let compiled: CompiledDesign | null = null;
  let views: CanvasViews = NO_VIEWS;
  // The views the listeners were last told about.
  let published: CanvasViews = NO_VIEWS;
  const nodes: Listeners = new Map();
  const edges: Listeners = new Map();
  const getViews = (): CanvasViews => {
    const d = design.getState().design;
    const b = ui.getState().batch;
    // Every node and edge asks on every change: answer from the last views when nothing moved.
    if (d.model === model && b === batch) return views;
    const c = compiledFor(d, b);
    model = d.model;
    batch = b;
    if (c !== compiled) {
      compiled = c;
      views = viewsFor(c);
    }
    return views;
  };
  const refresh = (): void => {
    if (nodes.size === 0 && edges.size === 0) return;
    const before = published;
    const after = getViews();
    if (after === before) return;
    published = after;
    notify(nodes, before.nodes, after.nodes);
    notify(edges, before.edges, after.edges);
  };
  // Moving nodes changes the layout only: the model, and so the compilation, stays the same.
  design.subscribe((s, prev) => {
    if (s.design.model !== prev.design.model) refresh();
  });
  ui.subscribe((s, prev) => {
    if (s.batch !== prev.batch) refresh();
  });
  return {
    getViews,
    node: (id) => getViews().nodes.get(id) ?? UNKNOWN_NODE,
    edge: (id) => getViews().edges.get(id) ?? UNKNOWN_EDGE,
    subscribeNode: (id, listener) => {
      if (nodes.size === 0 && edges.size === 0) published = getViews();
      return add(nodes, id, listener);
    },
    subscribeEdge: (id, listener) => {
      if (nodes.size === 0 && edges.size === 0) published = getViews();
      return add(edges, id, listener);
    },
  };
}
