/**
 * Carries out the UI store's view requests on the canvas: centre on a node (clicking a problem),
 * fit the whole design (zoom to fit, auto-layout), fit at a readable zoom (a design was opened;
 * see `readableFit.ts`), or 100 % for an empty one.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { useEffect } from 'react';
import type { StudioEdge, StudioNode } from '../flow/types';
import { useStores, useUi } from '../state/StoreProvider';
import { readableView, type Rect } from './readableFit';

function boxOf(rf: ReactFlowInstance<StudioNode, StudioEdge>, n: StudioNode): Rect {
  const internal = rf.getInternalNode(n.id);
  const { x, y } = internal?.internals.positionAbsolute ?? n.position;
  return { x, y, width: n.measured?.width ?? 180, height: n.measured?.height ?? 90 };
}

/** Fits the canvas at a readable zoom, starting at the inputs when the design does not fit. */
function fitReadably(rf: ReactFlowInstance<StudioNode, StudioEdge>): void {
  const nodes = rf.getNodes().filter((n) => !n.hidden && n.type !== 'frame');
  const screen = document.querySelector('.react-flow');
  const [first] = nodes;
  if (!first || !screen) return;
  const bounds = rf.getNodesBounds(nodes);
  const inputs = nodes.filter((n) => n.type === 'input');
  const start = inputs.length > 0 ? rf.getNodesBounds(inputs) : boxOf(rf, first);
  const view = readableView(bounds, start, screen.clientWidth, screen.clientHeight);
  void rf.setViewport(view, { duration: 0 });
}

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
    const all = stores.ui.getState().fitAll;
    const frame = requestAnimationFrame(() => {
      if (all) void rf.fitView({ padding: 0.15, duration: 0, maxZoom: 1 });
      else fitReadably(rf);
    });
    return () => cancelAnimationFrame(frame);
  }, [fitSeq, rf, stores]);
}
