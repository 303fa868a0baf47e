/**
 * Follows the canvas zoom into the level-of-detail store (`detailStore.ts`) and tells the canvas
 * whether to draw node and edge texts. The selector changes only when the zoom crosses
 * `DETAIL_ZOOM`, so panning, dragging and zooming re-render nothing else.
 */
import { useStore, type ReactFlowState } from '@xyflow/react';
import { useLayoutEffect } from 'react';
import { DETAIL_ZOOM } from '../state/detailStore';
import { useStores } from '../state/StoreProvider';

const isCoarse = (s: ReactFlowState): boolean => s.transform[2] < DETAIL_ZOOM;

/** True while the canvas is zoomed out below a readable size. Must be inside React Flow's provider. */
export function useDetailLevel(): boolean {
  const { detail } = useStores();
  const coarse = useStore(isCoarse);
  // Before paint: the texts held back are written in the same frame as they are shown again.
  useLayoutEffect(() => detail.setCoarse(coarse), [detail, coarse]);
  return coarse;
}
