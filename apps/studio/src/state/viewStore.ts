/**
 * The canvas views of the current design (shape text, parameter count and problems of every node
 * and edge, see `flow/views.ts`), with subscriptions per node and per edge. When the model or the
 * batch size changes, only the nodes and edges whose view changed are told, and a listener of the
 * problems alone only when the problems changed: a one-node edit wakes up that node and the nodes
 * after it, not all 500, and an edit of the input size renders no component for a shape. Views
 * follow the shared, memoised compilation (`compiledFor`).
 */
import type { CompiledDesign, Model } from '@unet-studio/compiler';
import type { Problem } from '../flow/types';
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

/** Called when what it follows of a node's or an edge's view has changed. */
export type ViewListener = () => void;

/** What a listener follows: the whole view, or only its problems. */
export type ViewPart = 'view' | 'problems';

/** The views of one app instance's design. */
export interface ViewStore {
  /** The views of the current design at the chosen batch size. */
  getViews(): CanvasViews;
  /** The view of node `id` (an unknown view when the compilation does not know it). */
  node(id: string): NodeView;
  /** The view of edge `id` (an unknown view when the compilation does not know it). */
  edge(id: string): EdgeView;
  /** Calls `listener` whenever `part` of node `id`'s view changes; returns the unsubscribe. */
  subscribeNode(id: string, listener: ViewListener, part?: ViewPart): () => void;
  /** Calls `listener` whenever `part` of edge `id`'s view changes; returns the unsubscribe. */
  subscribeEdge(id: string, listener: ViewListener, part?: ViewPart): () => void;
}

/** Listeners by id, for one kind of element and one part. */
type Listeners = Map<string, Set<ViewListener>>;

function addListener(all: Listeners, id: string, listener: ViewListener): () => void {
  let set = all.get(id);
  if (!set) {
    set = new Set();
    all.set(id, set);
  }
  set.add(listener);
  const own = set;
  return () => {
    own.delete(listener);
    if (own.size === 0 && all.get(id) === own) all.delete(id);
  };
}

/** Adds to `out` the listeners of the ids whose `pick` differs between the two views. */
function collectDue<T>(
  all: Listeners,
  before: ReadonlyMap<string, T>,
  after: ReadonlyMap<string, T>,
  pick: (view: T | undefined) => unknown,
  out: ViewListener[],
): void {
  // Only subscribed ids are compared: nodes outside the view have no listener.
  for (const [id, set] of all) if (pick(before.get(id)) !== pick(after.get(id))) out.push(...set);
}

const whole = <T>(view: T | undefined): unknown => view;
const problemsOf = (view: { readonly problems: readonly Problem[] } | undefined): unknown =>
  view?.problems;

/** Creates the view store of `design` and `ui`; it follows them for the app's lifetime. */
export function createViewStore(design: DesignStore, ui: UiStore): ViewStore {
  let model: Model | null = null;
  let batch = 0;
  let compiled: CompiledDesign | null = null;
  let views: CanvasViews = NO_VIEWS;
  // The views the listeners were last told about.
  let published: CanvasViews = NO_VIEWS;
  const nodes: Record<ViewPart, Listeners> = { view: new Map(), problems: new Map() };
  const edges: Record<ViewPart, Listeners> = { view: new Map(), problems: new Map() };
  const all = [nodes.view, nodes.problems, edges.view, edges.problems];
  const idle = (): boolean => all.every((c) => c.size === 0);
  const getViews = (): CanvasViews => {
    const d = design.getState().design;
    const b = ui.getState().batch;
    // Every subscribed node and edge asks on every change: answer at once when nothing changed.
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
    if (idle()) return;
    const before = published;
    const after = getViews();
    if (after === before) return;
    published = after;
    const due: ViewListener[] = [];
    collectDue(nodes.view, before.nodes, after.nodes, whole, due);
    collectDue(nodes.problems, before.nodes, after.nodes, problemsOf, due);
    collectDue(edges.view, before.edges, after.edges, whole, due);
    collectDue(edges.problems, before.edges, after.edges, problemsOf, due);
    for (const listener of due) listener();
  };
  // Moving nodes changes the layout only: the model, and so the compilation, stays the same.
  design.subscribe((s, prev) => {
    if (s.design.model !== prev.design.model) refresh();
  });
  ui.subscribe((s, prev) => {
    if (s.batch !== prev.batch) refresh();
  });
  const subscribe = (to: Listeners, id: string, listener: ViewListener): (() => void) => {
    // Listeners compare with what they were last told; after an idle spell that is now.
    if (idle()) published = getViews();
    return addListener(to, id, listener);
  };
  return {
    getViews,
    node: (id) => getViews().nodes.get(id) ?? UNKNOWN_NODE,
    edge: (id) => getViews().edges.get(id) ?? UNKNOWN_EDGE,
    subscribeNode: (id, listener, part = 'view') => subscribe(nodes[part], id, listener),
    subscribeEdge: (id, listener, part = 'view') => subscribe(edges[part], id, listener),
  };
}
