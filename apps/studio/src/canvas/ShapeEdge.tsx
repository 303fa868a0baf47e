/**
 * An edge labelled with the tensor shape it carries (e.g. `64×284×284`), red with a tooltip when
 * the compiler reports a problem on it, routed in orthogonal segments (`edgeRoute.ts`). The path re-renders only when the edge's problems change;
 * the label (see `edgeLabel.ts`) follows the edge's view without rendering, in a slot that React
 * places on the route's longest level segment.
 */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo, useCallback, type ReactNode } from 'react';
import type { StudioEdge } from '../flow/types';
import type { EdgeView } from '../flow/views';
import { useEdgeProblems, useEdgeWriter } from '../state/useViews';
import { writeEdgeLabel } from './edgeLabel';
import { routeEdge } from './edgeRoute';
import { worstSeverity } from './ProblemBadge';

interface SlotProps {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly selected: boolean;
}

const LabelSlot = memo(function LabelSlot({ id, x, y, selected }: SlotProps): ReactNode {
  const write = useCallback(
    (slot: HTMLDivElement, view: EdgeView) => writeEdgeLabel(slot, id, view),
    [id],
  );
  const slot = useEdgeWriter(id, write);
  return (
    <EdgeLabelRenderer>
      <div
        ref={slot}
        className={`edge-label-slot${selected ? ' selected' : ''}`}
        style={{ transform: `translate(${x}px, ${y}px)` }}
      />
    </EdgeLabelRenderer>
  );
});

function ShapeEdgeView(props: EdgeProps<StudioEdge>): ReactNode {
  const { sourceX, sourceY, targetX, targetY } = props;
  const { path, label } = routeEdge({ x: sourceX, y: sourceY }, { x: targetX, y: targetY });
  const severity = worstSeverity(useEdgeProblems(props.id));
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        className={severity ? `edge-${severity}` : undefined}
      />
      <LabelSlot id={props.id} x={label.x} y={label.y} selected={props.selected ?? false} />
    </>
  );
}

/** The memoised shape edge component. */
export const ShapeEdge = memo(ShapeEdgeView);
