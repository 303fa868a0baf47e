/**
 * Pass 2, shapes: lowers every node (see `lowerGraph.ts`) and gives every edge the shape it carries.
 * It also keeps each downsampling division, for the U-Net checks.
 */
import type { Design } from '../design/schema';
import type { DiagnosticCode } from '../diagnostics/codes';
import { dictionary } from '../shape/dictionary';
import type { Shape } from '../shape/shape';
import type { SizeDivision } from '../shape/sizeRules';
import type { PassContext } from './context';
import { lowerGraph, type LoweredNode } from './lowerGraph';
import type { Structure } from './structure';

/** A downsampling division and the node that performed it. */
export interface NodeDivision {
  readonly nodeId: string;
  readonly division: SizeDivision;
}

/** The lowered nodes, the edge shapes and the divisions. */
export interface Shapes {
  readonly nodes: ReadonlyMap<string, LoweredNode>;
  readonly edgeShapes: Readonly<Record<string, Shape | null>>;
  readonly divisions: readonly NodeDivision[];
  /** The codes of the errors the shapes pass reported. */
  readonly errorCodes: ReadonlySet<DiagnosticCode>;
}

/** Lowers the design and computes edge shapes. */
export function shapesPass(design: Design, ctx: PassContext, s: Structure): Shapes {
  const divisions: NodeDivision[] = [];
  const errorCodes = new Set<DiagnosticCode>();
  const nodes = lowerGraph(s, {
    report: (d) => {
      if (d.severity === 'error') errorCodes.add(d.code);
      ctx.report(d);
    },
    onDivision: (nodeId, division) => divisions.push({ nodeId, division }),
  });
  const byEdge = new Map<string, Shape | null>();
  for (const edge of design.model.edges) if (!byEdge.has(edge.id)) byEdge.set(edge.id, null);
  for (const edge of s.edges) byEdge.set(edge.id, nodes.get(edge.source)?.shape ?? null);
  return { nodes, edgeShapes: dictionary(byEdge), divisions, errorCodes };
}
