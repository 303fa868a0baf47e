/**
 * Hostile inputs found by red-teaming the importers and the compiler, as small generators: the
 * tests check each one is answered quickly and clearly, and `pnpm fuzz` mutates them.
 */
import { DESIGN_FORMAT, DESIGN_VERSION } from '../src/design/schema';

type RawNode = { id: string; kind: string; name?: string; params?: Record<string, unknown> };
type RawEdge = { id: string; source: string; target: string; targetPort?: string };

/** A design document as a file holds it (plain JSON, not parsed). */
export interface RawDesign {
  format: string;
  version: number;
  name: string;
  model: { nodes: RawNode[]; edges: RawEdge[] };
}

function document(nodes: RawNode[], edges: RawEdge[]): RawDesign {
  return {
    format: DESIGN_FORMAT,
    version: DESIGN_VERSION,
    name: 'hostile',
    model: { nodes, edges },
  };
}

/**
 * input → `count` pools of `stride` → output; `size` null leaves the input size open.
 * @example stridedPools(20, 2 ** 52) // 20 pools of stride 2^52: sizes overflow to Infinity
 */
export function stridedPools(count: number, stride: number, size: number | null = 64): RawDesign {
  const nodes: RawNode[] = [
    { id: 'in', kind: 'input', params: { channels: 1, size: [size, size] } },
  ];
  const edges: RawEdge[] = [];
  let prev = 'in';
  for (let i = 0; i < count; i++) {
    const id = `p${i}`;
    nodes.push({ id, kind: 'pool', params: { window: stride, stride, padding: 'same' } });
    edges.push({ id: `e${i}`, source: prev, target: id });
    prev = id;
  }
  nodes.push({ id: 'out', kind: 'output' });
  edges.push({ id: 'eout', source: prev, target: 'out' });
  return document(nodes, edges);
}

/**
 * A same-padded U-Net with `levels` levels (conv, pool down; upconv, skip, conv up), open size.
 * @example deepUnet(1500) // 1,500 halvings: the open size's fraction overflows
 */
export function deepUnet(levels: number, size: number | null = null): RawDesign {
  const nodes: RawNode[] = [
    { id: 'in', kind: 'input', params: { channels: 1, size: [size, size] } },
  ];
  const edges: RawEdge[] = [];
  const link = (source: string, target: string, targetPort = 'in'): void => {
    edges.push({ id: `e${edges.length}`, source, target, targetPort });
  };
  let prev = 'in';
  const skips: string[] = [];
  for (let l = 0; l < levels; l++) {
    nodes.push({ id: `c${l}`, kind: 'conv', params: { filters: 4 } });
    nodes.push({ id: `p${l}`, kind: 'pool' });
    link(prev, `c${l}`);
    link(`c${l}`, `p${l}`);
    skips.push(`c${l}`);
    prev = `p${l}`;
  }
  for (let l = levels - 1; l >= 0; l--) {
    nodes.push({ id: `u${l}`, kind: 'upconv', params: { filters: 4 } });
    nodes.push({ id: `k${l}`, kind: 'skip' });
    nodes.push({ id: `d${l}`, kind: 'conv', params: { filters: 4 } });
    link(prev, `u${l}`);
    link(skips[l] ?? prev, `k${l}`, 'skip');
    link(`u${l}`, `k${l}`, 'up');
    link(`k${l}`, `d${l}`);
    prev = `d${l}`;
  }
  nodes.push({ id: 'out', kind: 'output' });
  link(prev, 'out');
  return document(nodes, edges);
}

/** JSON text nested `depth` levels deep inside a design's `model` field. */
export function deeplyNestedJson(depth: number): string {
  return `{"format":"${DESIGN_FORMAT}","version":${DESIGN_VERSION},"model":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

/** A design whose `model` object carries `count` unknown keys. */
export function manyUnknownKeys(count: number): string {
  const keys: string[] = [];
  for (let i = 0; i < count; i++) keys.push(`"k${i}":${i}`);
  return `{"format":"${DESIGN_FORMAT}","version":${DESIGN_VERSION},"model":{"nodes":[],"edges":[],${keys.join(',')}}}`;
}

/** A `create_model(` line followed by `lines` blank lines: a quadratic detection regex's worst case. */
export function blankLinesAfterCreateModel(lines: number): string {
  return `x = create_model${'\n'.repeat(lines)}`;
}

/** A valid paper-like chain whose node names carry terminal escapes and forged lines. */
export function forgedNames(): RawDesign {
  const design = stridedPools(1, 2, 63);
  const pool = design.model.nodes[1];
  if (pool) pool.name = '\u001b[31merror FAKE\u001b[0m\nerror FORGED node x: 0 errors\r';
  return design;
}
