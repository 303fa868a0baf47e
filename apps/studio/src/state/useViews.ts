/**
 * Narrow subscriptions to the canvas views: a node or edge component re-renders only when its own
 * shape, parameter count or problems change, not when any other part of the design does.
 */
import {
  UNKNOWN_EDGE,
  UNKNOWN_NODE,
  type CanvasViews,
  type EdgeView,
  type NodeView,
} from '../flow/views';
import { compiledFor } from './compiledCache';
import { useDesign, useUi, type Stores } from './StoreProvider';
import { viewsFor } from './viewCache';

/** The views of the current design at the chosen batch size, outside React. */
export function currentViews(stores: Stores): CanvasViews {
  return viewsFor(compiledFor(stores.design.getState().design, stores.ui.getState().batch));
}

/** The view of node `id` (an unknown view when the compilation does not know it). */
export function useNodeView(id: string): NodeView {
  const batch = useUi((s) => s.batch);
  return useDesign((s) => viewsFor(compiledFor(s.design, batch)).nodes.get(id) ?? UNKNOWN_NODE);
}

/** The view of edge `id` (an unknown view when the compilation does not know it). */
export function useEdgeView(id: string): EdgeView {
  const batch = useUi((s) => s.batch);
  return useDesign((s) => viewsFor(compiledFor(s.design, batch)).edges.get(id) ?? UNKNOWN_EDGE);
}

/** All views of the current design (for components that show many nodes, e.g. blocks). */
export function useViews(): CanvasViews {
  const batch = useUi((s) => s.batch);
  return useDesign((s) => viewsFor(compiledFor(s.design, batch)));
}
