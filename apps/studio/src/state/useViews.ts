/**
 * Narrow subscriptions to the canvas views (see `viewStore.ts`). Problems change a node's or an
 * edge's structure (badge, colours, tooltip), so they re-render it; shape and parameter texts change
 * on every edit of the input size, for every node at once, so they are written into their elements
 * directly (zustand's "transient updates") instead of re-rendering hundreds of components.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { EdgeView, NodeView } from '../flow/views';
import type { Problem } from '../flow/types';
import { useStores } from './StoreProvider';

/** The problems of node `id`; re-renders only when they change. */
export function useNodeProblems(id: string): readonly Problem[] {
  const { views } = useStores();
  const subscribe = useCallback(
    (l: () => void) => views.subscribeNode(id, l, 'problems'),
    [views, id],
  );
  return useSyncExternalStore(subscribe, () => views.node(id).problems);
}

/** The problems of edge `id`; re-renders only when they change. */
export function useEdgeProblems(id: string): readonly Problem[] {
  const { views } = useStores();
  const subscribe = useCallback(
    (l: () => void) => views.subscribeEdge(id, l, 'problems'),
    [views, id],
  );
  return useSyncExternalStore(subscribe, () => views.edge(id).problems);
}

/** The current view of one node or edge, and the subscription to its changes. */
interface Source<V> {
  get(): V;
  subscribe(listener: () => void): () => void;
}

function useWriter<E extends HTMLElement, V>(
  source: Source<V>,
  write: (element: E, view: V) => void,
): (element: E | null) => void {
  const { detail } = useStores();
  // The element, and the key of its held-back write while the canvas is zoomed out.
  const element = useRef<E | null>(null);
  const update = useCallback(() => {
    if (element.current) write(element.current, source.get());
  }, [source, write]);
  useLayoutEffect(
    () => source.subscribe(() => detail.write(element, update)),
    [source, detail, update],
  );
  return useCallback(
    (el: E | null) => {
      element.current = el;
      if (el) detail.write(element, update);
      else detail.forget(element);
    },
    [detail, update],
  );
}

/**
 * A callback ref for an element that `write` keeps up to date with node `id`'s view, without
 * rendering: `write` runs when the element mounts and whenever the view changes (while the canvas
 * is zoomed out, once it zooms back in: see `detailStore.ts`). `write` must be a
 * stable (module-level) function, and React must not render what it writes (e.g. give the element
 * no children when `write` sets its text).
 */
export function useNodeWriter<E extends HTMLElement>(
  id: string,
  write: (element: E, view: NodeView) => void,
): (element: E | null) => void {
  const { views } = useStores();
  const source = useMemo<Source<NodeView>>(
    () => ({ get: () => views.node(id), subscribe: (l) => views.subscribeNode(id, l) }),
    [views, id],
  );
  return useWriter(source, write);
}

/** As `useNodeWriter`, for edge `id`. */
export function useEdgeWriter<E extends HTMLElement>(
  id: string,
  write: (element: E, view: EdgeView) => void,
): (element: E | null) => void {
  const { views } = useStores();
  const source = useMemo<Source<EdgeView>>(
    () => ({ get: () => views.edge(id), subscribe: (l) => views.subscribeEdge(id, l) }),
    [views, id],
  );
  return useWriter(source, write);
}
