/**
 * Pass 2, shapes: lowers every node (see `lowerGraph.ts`) and gives every edge the shape it carries.
 * It also keeps each downsampling division, for the U-Net checks.
 */
import type { Design } from '../design/schema';
import type { DiagnosticCode } from '../diagnostics/codes';
import type { Shape } from '../shape/shape';
import type { SizeDivision } from '../shape/sizeRules';
import type { PassContext } from './context';
import { lowerGraph, type LoweredNodes, type Lowering } from './lowerGraph';
import type { Structure } from './structure';

/** A downsampling division and the node that performed it. */
export interface NodeDivision {
  readonly nodeId: string;
  readonly division: SizeDivision;
}

/** The lowered nodes and their cost sums, the edge shapes and the divisions. */
export interface Shapes extends Lowering {
  readonly edgeShapes: Readonly<Record<string, Shape | null>>;
  readonly divisions: readonly NodeDivision[];
  /** The codes of the errors the shapes pass reported. */
  readonly errorCodes: ReadonlySet<DiagnosticCode>;
}

/** Lowers the design and computes edge shapes; `keepOps` keeps every node's ops in `Shapes.ops`. */
export function shapesPass(
  design: Design,
  ctx: PassContext,
  s: Structure,
  keepOps: boolean,
): Shapes {
  const divisions: NodeDivision[] = [];
  const errorCodes = new Set<DiagnosticCode>();
  const lowering = lowerGraph(s, {
    batch: ctx.batch,
    report: (d) => {
      if (d.severity === 'error') errorCodes.add(d.code);
      ctx.report(d);
    },
    onDivision: (nodeId, division) => divisions.push({ nodeId, division }),
    keepOps,
  });
  const edgeShapes = edgeShapesOf(design, s, lowering.nodes);
  return { ...lowering, edgeShapes, divisions, errorCodes };
}

/** The edge shapes: each usable edge carries its source's shape (see `ResultTables`). */
function edgeShapesOf(
  design: Design,
  s: Structure,
  nodes: LoweredNodes,
): Record<string, Shape | null> {
  const edgeShapes = s.tables.edgeShapes;
  const edges = design.model.edges;
  for (let k = 0; k < edges.length; k++) {
    const source = s.edgeSources[k] ?? -1;
    const id = edges[k]?.id;
    if (id !== undefined && source >= 0) edgeShapes[id] = nodes[source]?.shape ?? null;
  }
  return edgeShapes;
}
