/**
 * Test support: build designs in a few lines, and lower one layer kind on its own.
 */
import { layerSpec } from '../src/catalogue/catalogue';
import type { LayerKind, ParamsOf } from '../src/catalogue/params';
import type { LowerResult } from '../src/catalogue/types';
import { AUGMENT_OFF } from '../src/design/augmentSpec';
import { createNode } from '../src/design/createNode';
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  type Design,
  type DesignEdge,
  type DesignNode,
} from '../src/design/schema';
import type { Diagnostic } from '../src/diagnostics/types';
import type { Shape } from '../src/shape/shape';
import type { SizeDivision } from '../src/shape/sizeRules';

/** Where a node's inputs come from: one source for `in`, or a source per port. */
export type From = string | Readonly<Record<string, string>>;

/** Collects nodes and edges. */
export interface Net {
  add<K extends LayerKind>(kind: K, id: string, params?: Partial<ParamsOf<K>>, from?: From): string;
  design(): Design;
}

/** A new, empty net. */
export function net(): Net {
  const nodes: DesignNode[] = [];
  const edges: DesignEdge[] = [];
  return {
    add(kind, id, params = {}, from) {
      const node = createNode(kind, id);
      nodes.push({ ...node, params: { ...node.params, ...params } });
      const sources = from === undefined ? {} : typeof from === 'string' ? { in: from } : from;
      for (const [port, source] of Object.entries(sources)) {
        edges.push({
          id: `${source}-${id}.${port}`,
          source,
          sourcePort: 'out',
          target: id,
          targetPort: port,
        });
      }
      return id;
    },
    design: () => designOf(nodes, edges),
  };
}

/** A complete design around `nodes` and `edges`. */
export function designOf(nodes: DesignNode[], edges: DesignEdge[]): Design {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'Test design',
    description: '',
    model: { nodes, edges },
    training: {
      loss: 'bce',
      optimizer: 'adam',
      learningRate: 1e-3,
      batchSize: 8,
      epochs: 10,
      threshold: 0.5,
      augment: AUGMENT_OFF,
    },
    layout: { positions: {}, colors: {}, groups: [] },
    runs: [],
    extras: {},
  };
}

/** What lowering one layer gave: its result, diagnostics and divisions. */
export interface Lowered {
  readonly result: LowerResult;
  readonly diagnostics: readonly Omit<Diagnostic, 'nodeId'>[];
  readonly divisions: readonly SizeDivision[];
}

/** Lowers one layer of `kind` (defaults plus `params`) on `inputs` (port → shape). */
export function lowerKind<K extends LayerKind>(
  kind: K,
  params: Partial<ParamsOf<K>>,
  inputs: Record<string, Shape>,
  dims: 1 | 2 = 2,
  validPadding = false,
): Lowered {
  const diagnostics: Omit<Diagnostic, 'nodeId'>[] = [];
  const divisions: SizeDivision[] = [];
  const defaults = createNode(kind, 'n').params as ParamsOf<K>;
  const result = layerSpec(kind).lower({
    nodeId: 'n',
    params: { ...defaults, ...params },
    inputs,
    inputOps: Object.fromEntries(Object.keys(inputs).map((p) => [p, `src:${p}`])),
    dims,
    report: (d) => diagnostics.push(d),
    onDivision: (d) => divisions.push(d),
    validPadding,
  });
  return { result, diagnostics, divisions };
}

/** A shape: `shape(64, 572, 572)`. */
export const shape = (channels: number, ...spatial: number[]): Shape => ({ channels, spatial });
