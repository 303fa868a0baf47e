/**
 * The canvas graph derived from the stores, with structural sharing between renders, plus the
 * measured node sizes React Flow reports (they belong to the canvas, not to the design).
 */
import type { NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  fromDesign,
  sameCanvas,
  type FlowGraph,
  type FlowInputs,
  type Size,
} from '../flow/fromDesign';
import type { StudioNode } from '../flow/types';
import { useCompiled } from '../state/useCompiled';
import { useDesign, useUi } from '../state/StoreProvider';
import { viewsFor } from '../state/viewCache';

/** The derived graph, a ref to it (for event handlers) and the handler for dimension changes. */
export interface FlowGraphState {
  readonly graph: FlowGraph;
  readonly graphRef: { readonly current: FlowGraph };
  readonly onDimensions: (changes: readonly NodeChange<StudioNode>[]) => void;
}

/** Derives the canvas graph from the design, its compilation, the selection and measured sizes. */
export function useFlowGraph(): FlowGraphState {
  const design = useDesign((s) => s.design);
  const compiled = useCompiled();
  const selectedNodes = useUi((s) => s.selectedNodes);
  const selectedEdges = useUi((s) => s.selectedEdges);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const graphRef = useRef<FlowGraph>({ nodes: [], edges: [] });
  const inputsRef = useRef<FlowInputs | null>(null);
  const selN = useMemo(() => new Set(selectedNodes), [selectedNodes]);
  const selE = useMemo(() => new Set(selectedEdges), [selectedEdges]);
  const graph = useMemo(() => {
    const inputs: FlowInputs = {
      design,
      compiled,
      views: viewsFor(compiled),
      selectedNodes: selN,
      selectedEdges: selE,
      measured,
    };
    const previous = inputsRef.current;
    inputsRef.current = inputs;
    // Editing params (every keystroke in the inspector) leaves the canvas as it is.
    if (previous && sameCanvas(previous, inputs)) return graphRef.current;
    const next = fromDesign(inputs, graphRef.current);
    graphRef.current = next;
    return next;
  }, [design, compiled, selN, selE, measured]);
  const onDimensions = useCallback((changes: readonly NodeChange<StudioNode>[]) => {
    const sized = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
    if (sized.length === 0) return;
    setMeasured((old) => {
      let next: Map<string, Size> | null = null;
      for (const c of sized) {
        if (c.type !== 'dimensions' || !c.dimensions) continue;
        const prev = old.get(c.id);
        if (prev && prev.width === c.dimensions.width && prev.height === c.dimensions.height)
          continue;
        next ??= new Map(old);
        next.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
      }
      return next ?? old;
    });
  }, []);
  return { graph, graphRef, onDimensions };
}
