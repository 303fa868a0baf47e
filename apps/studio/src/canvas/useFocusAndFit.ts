/**
 * Carries out the UI store's view requests on the canvas: centre on a node (clicking a problem),
 * zoom to fit (a design was opened), or 100 % for an empty one.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import type { StudioEdge, StudioNode } from '../flow/types';
import { useStores, useUi } from '../state/StoreProvider';

/** Centres on focus requests and fits the view on fit requests. */
export function useFocusAndFit(rf: ReactFlowInstance<StudioNode, StudioEdge>): void {
  const stores = useStores();
  const focus = useUi((s) => s.focus);
  const fitSeq = useUi((s) => s.fitSeq);
  useEffect(() => {
    if (!focus) return;
    const node = rf.getInternalNode(focus.nodeId);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const w = node.measured.width ?? 180;
    const h = node.measured.height ?? 90;
    void rf.setCenter(x + w / 2, y + h / 2, { zoom: Math.max(rf.getZoom(), 1), duration: 250 });
  }, [focus, rf]);
  useEffect(() => {
    if (fitSeq === 0) return;
    // An empty design (Blank) has nothing to fit: start at 100 %, so that the first node is drawn
    // at full size where it is dropped, not at the zoom of the design that was open before.
    if (stores.design.getState().design.model.nodes.length === 0) {
      void rf.setViewport({ x: 0, y: 0, zoom: 1 }, { duration: 0 });
      return;
    }
    void rf.fitView({ padding: 0.15, duration: 0, maxZoom: 1 });
  }, [fitSeq, rf, stores]);
}
