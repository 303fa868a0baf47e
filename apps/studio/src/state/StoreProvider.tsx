/**
 * Provides one app instance's stores through React context, so tests and benchmarks can mount
 * isolated instances and components select narrowly.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StudioEdge, StudioNode } from '../flow/types';
import { createDocStore, type DocState, type DocStore } from '../persistence/docStore';
import { createDetailStore, type DetailStore } from './detailStore';
import { createDesignStore, type DesignState, type DesignStore } from './designStore';
import { createUiStore, type UiState, type UiStore } from './uiStore';
import { createViewStore, type ViewStore } from './viewStore';

/** The canvas instance, registered by the canvas once React Flow is ready (null before). */
export interface FlowHandle {
  current: ReactFlowInstance<StudioNode, StudioEdge> | null;
}

/** The stores of one app instance. */
export interface Stores {
  readonly design: DesignStore;
  readonly ui: UiStore;
  /** What the compiler derived for each node and edge, with per-id subscriptions. */
  readonly views: ViewStore;
  /** The canvas's level of detail: whether node and edge texts are drawn at the current zoom. */
  readonly detail: DetailStore;
  readonly flow: FlowHandle;
  /** The library document this tab works on and whether it may write it. */
  readonly doc: DocStore;
}

/** Fresh stores for one app instance. */
export function createStores(): Stores {
  const design = createDesignStore();
  const ui = createUiStore();
  return {
    design,
    ui,
    views: createViewStore(design, ui),
    detail: createDetailStore(),
    flow: { current: null },
    doc: createDocStore(),
  };
}

const StoresContext = createContext<Stores | null>(null);

/** Mounts `children` with the given stores, or with fresh ones. */
export function StoreProvider(props: { stores?: Stores; children: ReactNode }): ReactNode {
  const [stores] = useState<Stores>(() => props.stores ?? createStores());
  return <StoresContext.Provider value={stores}>{props.children}</StoresContext.Provider>;
}

/** The stores of the enclosing `StoreProvider`. */
export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores must be used inside <StoreProvider>');
  return stores;
}

/** Selects from the design store; re-renders only when the selected value changes. */
export function useDesign<T>(selector: (s: DesignState) => T): T {
  return useStore(useStores().design, selector);
}

/** Selects from the document store; re-renders only when the selected value changes. */
export function useDoc<T>(selector: (s: DocState) => T): T {
  return useStore(useStores().doc, selector);
}

/** Selects from the UI store; re-renders only when the selected value changes. */
export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useStores().ui, selector);
}
