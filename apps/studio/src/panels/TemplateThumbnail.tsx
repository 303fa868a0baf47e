/**
 * A template's graph in miniature: its laid-out nodes as boxes in their kinds' colours and its
 * wires routed as on the canvas (`edgeRoute.ts`), scaled into a small SVG.
 */
import { CATALOGUE, type Design } from '@unet-studio/compiler';
import { memo, type ReactNode } from 'react';
import { routeEdge } from '../canvas/edgeRoute';
import { defaultPosition } from '../flow/fromDesign';

/** Node size assumed in the miniature (a canvas node's size). */
const NODE = { width: 180, height: 84 };
const MARGIN = 30;

function ThumbnailView({ design, label }: { design: Design; label: string }): ReactNode {
  const pos = new Map(
    design.model.nodes.map((n, i) => [n.id, design.layout.positions[n.id] ?? defaultPosition(i)]),
  );
  const all = [...pos.values()];
  const minX = Math.min(...all.map((p) => p.x)) - MARGIN;
  const minY = Math.min(...all.map((p) => p.y)) - MARGIN;
  const width = Math.max(...all.map((p) => p.x)) + NODE.width + MARGIN - minX;
  const height = Math.max(...all.map((p) => p.y)) + NODE.height + MARGIN - minY;
  return (
    <svg
      className="template-thumb"
      viewBox={`${minX} ${minY} ${width} ${height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`Diagram of ${label}`}
    >
      {design.model.edges.map((e) => {
        const s = pos.get(e.source);
        const t = pos.get(e.target);
        if (!s || !t) return null;
        const { path } = routeEdge(
          { x: s.x + NODE.width, y: s.y + NODE.height / 2 },
          { x: t.x, y: t.y + NODE.height / 2 },
        );
        return <path key={e.id} d={path} fill="none" stroke="#94a3b8" strokeWidth={6} />;
      })}
      {design.model.nodes.map((n) => {
        const p = pos.get(n.id);
        return p ? (
          <rect
            key={n.id}
            x={p.x}
            y={p.y}
            width={NODE.width}
            height={NODE.height}
            rx={14}
            fill={CATALOGUE[n.kind].color}
          />
        ) : null;
      })}
    </svg>
  );
}

/** The memoised template thumbnail. */
export const TemplateThumbnail = memo(ThumbnailView);
