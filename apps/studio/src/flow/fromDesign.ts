/**
 * Design → canvas. The only place canvas nodes and edges are made. Layer nodes and edges carry only
 * what the design says (the compiler's shapes and problems are views, see `views.ts`), and unchanged
 * ones keep their previous object, so that React Flow and the memoised node components skip them: a
 * drag on a 500-node design re-renders one node, and an edit that changes every shape re-renders
 * only the shape texts.
 */
import type { CompiledDesign, Design } from '@unet-studio/compiler';
import { groupBlocks, type BlockInfo } from './groupBlocks';
import {
  BLOCK_PREFIX,
  FRAME_PREFIX,
  type LayerFlowNode,
  type Problem,
  type StudioEdge,
  type StudioNode,
} from './types';
import type { CanvasViews } from './views';

const NO_PROBLEMS: readonly Problem[] = [];

/** A node's measured size on screen. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Everything the canvas is derived from. */
export interface FlowInputs {
  readonly design: Design;
  /** The compilation, for collapsed blocks (their totals and output shape), or null. */
  readonly compiled: CompiledDesign | null;
  /** The compilation's views, for the problems of collapsed blocks. */
  readonly views: CanvasViews;
  readonly selectedNodes: ReadonlySet<string>;
  readonly selectedEdges: ReadonlySet<string>;
  readonly measured: ReadonlyMap<string, Size>;
}

/** The canvas graph. */
export interface FlowGraph {
  readonly nodes: StudioNode[];
  readonly edges: StudioEdge[];
}

/** Where a node without a saved position goes: a grid in document order. */
export function defaultPosition(index: number): { x: number; y: number } {
  return { x: (index % 8) * 240, y: Math.floor(index / 8) * 180 };
}

function problemsKey(p: readonly Problem[]): string {
  return p.map((x) => `${x.severity}:${x.code}:${x.message}`).join('|');
}

/** Shallow equality of two canvas nodes on every field the canvas reads. */
function sameNode(a: StudioNode, b: StudioNode): boolean {
  if (a.type !== b.type || a.selected !== b.selected || a.hidden !== b.hidden) return false;
  if (a.position.x !== b.position.x || a.position.y !== b.position.y) return false;
  if (a.measured?.width !== b.measured?.width || a.measured?.height !== b.measured?.height) {
    return false;
  }
  if (a.width !== b.width || a.height !== b.height) return false;
  const da = a.data as Record<string, unknown>;
  const db = b.data as Record<string, unknown>;
  for (const k of Object.keys(da)) {
    if (k === 'problems') {
      if (problemsKey(da[k] as Problem[]) !== problemsKey(db[k] as Problem[])) return false;
    } else if (k === 'rects') {
      if (JSON.stringify(da[k]) !== JSON.stringify(db[k])) return false;
    } else if (da[k] !== db[k]) return false;
  }
  return true;
}

function sameEdge(a: StudioEdge, b: StudioEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    a.selected === b.selected
  );
}

/**
 * `next` with every element equal to the previous one replaced by it; the previous array itself
 * when nothing changed (React Flow then skips rebuilding its lookups, e.g. for edges during a drag).
 */
function reuse<T extends { id: string }>(
  next: T[],
  previous: T[] | undefined,
  same: (a: T, b: T) => boolean,
): T[] {
  if (!previous) return next;
  const byId = new Map(previous.map((x) => [x.id, x]));
  let changed = next.length !== previous.length;
  const out = next.map((x, i) => {
    const p = byId.get(x.id);
    const kept = p && same(p, x) ? p : x;
    changed ||= kept !== previous[i];
    return kept;
  });
  return changed ? out : previous;
}

/**
 * True when `b` draws the same canvas as `a`: the same node ids, kinds and names in order, edges,
 * layout, selection and sizes, and (when a group is collapsed into a block, whose totals come from
 * the compiler) the same compilation. An edit of params alone draws the same canvas: its shapes
 * and problems are views. Runs in O(nodes) without allocating, much cheaper than `fromDesign`.
 */
export function sameCanvas(a: FlowInputs, b: FlowInputs): boolean {
  const da = a.design;
  const db = b.design;
  if (da.model.edges !== db.model.edges || da.layout !== db.layout) return false;
  if (a.selectedNodes !== b.selectedNodes || a.selectedEdges !== b.selectedEdges) return false;
  if (a.measured !== b.measured) return false;
  if (a.compiled !== b.compiled && db.layout.groups.some((g) => g.collapsed)) return false;
  const na = da.model.nodes;
  const nb = db.model.nodes;
  if (na === nb) return true;
  if (na.length !== nb.length) return false;
  return na.every((x, i) => {
    const y = nb[i];
    return y !== undefined && x.id === y.id && x.kind === y.kind && x.name === y.name;
  });
}

/**
 * Derives the canvas nodes and edges from the design, its compilation and the UI state.
 * Pass the previous result to keep the objects of unchanged nodes and edges.
 */
export function fromDesign(inputs: FlowInputs, previous?: FlowGraph): FlowGraph {
  const { design, compiled, views, selectedNodes, selectedEdges, measured } = inputs;
  const problemsOf = (id: string): readonly Problem[] =>
    views.nodes.get(id)?.problems ?? NO_PROBLEMS;
  const positions = design.layout.positions;
  const posOf = (id: string, i: number): { x: number; y: number } =>
    positions[id] ?? defaultPosition(i);
  const blocks = groupBlocks(design, compiled, problemsOf, posOf, measured);
  const nodes: StudioNode[] = [];
  for (const b of blocks.frames) nodes.push(frameNode(b, measured));
  design.model.nodes.forEach((node, i) => {
    const size = measured.get(node.id);
    const n: LayerFlowNode = {
      id: node.id,
      type: node.kind,
      position: posOf(node.id, i),
      data: { kind: node.kind, name: node.name },
      selected: selectedNodes.has(node.id),
      hidden: blocks.memberOf.has(node.id) ? true : undefined,
      ...(size ? { measured: size } : {}),
    };
    nodes.push(n);
  });
  for (const b of blocks.collapsed) {
    const id = BLOCK_PREFIX + b.groupId;
    const size = measured.get(id);
    nodes.push({
      id,
      type: 'block',
      position: b.position,
      data: {
        groupId: b.groupId,
        name: b.name,
        members: b.members,
        params: b.params,
        shape: b.shape,
        problems: b.problems,
      },
      selected: selectedNodes.has(id),
      ...(size ? { measured: size } : {}),
    });
  }
  const edges: StudioEdge[] = [];
  for (const e of design.model.edges) {
    const sg = blocks.memberOf.get(e.source);
    const tg = blocks.memberOf.get(e.target);
    if (sg !== undefined && sg === tg) continue;
    edges.push({
      id: e.id,
      type: 'shape',
      source: sg !== undefined ? BLOCK_PREFIX + sg : e.source,
      sourceHandle: sg !== undefined ? 'out' : e.sourcePort,
      target: tg !== undefined ? BLOCK_PREFIX + tg : e.target,
      targetHandle: tg !== undefined ? 'in' : e.targetPort,
      selected: selectedEdges.has(e.id),
    });
  }
  return {
    nodes: reuse(nodes, previous?.nodes, sameNode),
    edges: reuse(edges, previous?.edges, sameEdge),
  };
}

function frameNode(b: BlockInfo, measured: ReadonlyMap<string, Size>): StudioNode {
  const id = FRAME_PREFIX + b.groupId;
  const size = measured.get(id);
  return {
    id,
    type: 'frame',
    position: b.position,
    width: b.width,
    height: b.height,
    zIndex: -1,
    selectable: false,
    draggable: false,
    connectable: false,
    focusable: false,
    data: { groupId: b.groupId, name: b.name, rects: b.rects },
    ...(size ? { measured: size } : {}),
  };
}
