/**
 * A small helper to assemble designs in code (importers and templates): add nodes with partial
 * parameters (defaults filled in by the catalogue's schemas), connect them, and finish with a U
 * layout.
 */
import type { z } from 'zod';
import type { LayerKind, PARAM_SCHEMAS } from '../catalogue/params';
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  zDesign,
  zNode,
  type Design,
  type DesignEdge,
  type DesignNode,
  type ExtraValue,
  type TrainingSpec,
} from '../design/schema';
import { uLayout } from '../layout/uLayout';

/** Parameters as written by hand: any field may be left to its default. */
export type ParamsInput<K extends LayerKind> = z.input<(typeof PARAM_SCHEMAS)[K]>;

/** What `build` needs besides the graph. */
export interface DesignMeta {
  readonly name: string;
  readonly description: string;
  readonly training?: Partial<TrainingSpec>;
  /** Format fields kept for round trips, by format (see `Design['extras']`). */
  readonly extras?: Readonly<Record<string, Record<string, ExtraValue>>>;
}

/** Collects nodes and edges; `build` returns a complete, laid-out design. */
export interface DesignBuilder {
  /** Adds a node and returns its id. */
  add<K extends LayerKind>(kind: K, id: string, name: string, params: ParamsInput<K>): string;
  /** Connects `source`'s output to `target`'s input port (`in` unless told). */
  connect(source: string, target: string, targetPort?: string): void;
  build(meta: DesignMeta): Design;
}

/**
 * Creates an empty builder.
 * @example
 * const b = createDesignBuilder();
 * const input = b.add('input', 'input', 'Input', { channels: 1, size: [64, 64] });
 */
export function createDesignBuilder(): DesignBuilder {
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  return {
    add(kind, id, name, params) {
      nodes.push(zNode.parse({ id, name, kind, params }));
      return id;
    },
    connect(source, target, targetPort = 'in') {
      const id = targetPort === 'in' ? `${source}-${target}` : `${source}-${target}.${targetPort}`;
      edges.push({ id, source, sourcePort: 'out', target, targetPort });
    },
    build(meta) {
      const design = zDesign.parse({
        format: DESIGN_FORMAT,
        version: DESIGN_VERSION,
        name: meta.name,
        description: meta.description,
        model: { nodes, edges },
        training: meta.training ?? {},
        extras: meta.extras ?? {},
      });
      return { ...design, layout: { ...design.layout, positions: uLayout(design) } };
    },
  };
}
