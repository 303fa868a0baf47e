/**
 * An edge labelled with the tensor shape it carries (e.g. `64×284×284`), red with a tooltip when
 * the compiler reports a problem on it. The shape and problems are the edge's own view, selected by
 * id, so an edit re-renders only the edges whose view changed.
 */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo, type ReactNode } from 'react';
import type { StudioEdge } from '../flow/types';
import { useEdgeView } from '../state/useViews';
import { worstSeverity } from './ProblemBadge';

function ShapeEdgeView(props: EdgeProps<StudioEdge>): ReactNode {
  const [path, labelX, labelY] = getBezierPath(props);
  const { shape, problems } = useEdgeView(props.id);
  const severity = worstSeverity(problems);
  const tip = problems.map((p) => p.message).join('\n');
  return (
    <>
      <BaseEdge
        id={props.id}
        path={path}
        {...(props.markerEnd ? { markerEnd: props.markerEnd } : {})}
        className={severity ? `edge-${severity}` : undefined}
      />
      {shape || severity ? (
        <EdgeLabelRenderer>
          <div
            className={`edge-label nodrag nopan${props.selected ? ' selected' : ''}${severity ? ` has-${severity}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${props.id}`}
            title={tip || undefined}
          >
            {shape ?? '?'}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

/** The memoised shape edge component. */
export const ShapeEdge = memo(ShapeEdgeView);
