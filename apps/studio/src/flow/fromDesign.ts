/**
 * Design → canvas. The only place canvas nodes and edges are made. Unchanged nodes and edges keep
 * their previous object so that memoised node components and React Flow skip them (a drag on a
 * 500-node design re-renders one node).
 */
import type { CompiledDesign, Design, Diagnostic, Shape } from '@unet-studio/compiler';
import { formatShape } from './formatShape';
import { groupBlocks, type BlockInfo } from './groupBlocks';
import {
  BLOCK_PREFIX,
  FRAME_PREFIX,
  type LayerFlowNode,
  type Problem,
  type StudioEdge,
  type StudioNode,
} from './types';

const NO_DIAGNOSTICS: readonly Diagnostic[] = [];
const NO_PROBLEMS: readonly Problem[] = [];

/** A node's measured size on screen. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Everything the canvas is derived from. */
export interface FlowInputs {
  readonly design: Design;
  readonly compiled: CompiledDesign | null;
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

function problemsBy(
  diags: readonly Diagnostic[],
  key: 'nodeId' | 'edgeId',
): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const d of diags) {
    const id = d[key];
    if (id === undefined) continue;
    const list = out.get(id) ?? [];
    list.push({ code: d.code, severity: d.severity, message: d.message });
    out.set(id, list);
  }
  return out;
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
    a.selected === b.selected &&
    a.data?.shape === b.data?.shape &&
    problemsKey(a.data?.problems ?? []) === problemsKey(b.data?.problems ?? [])
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

const shapeTexts = new WeakMap<Shape, string>();

/** `formatShape`, memoised per shape object (shapes are stable between drags). */
function shapeText(shape: Shape | null | undefined): string | null {
  if (!shape) return null;
  let text = shapeTexts.get(shape);
  if (text === undefined) {
    text = formatShape(shape);
    shapeTexts.set(shape, text);
  }
  return text;
}

const problemCache = new WeakMap<
  readonly Diagnostic[],
  { nodes: Map<string, Problem[]>; edges: Map<string, Problem[]> }
>();

/** Problems by node and by edge, computed once per compilation. */
function problemsOf(diags: readonly Diagnostic[]): {
  nodes: Map<string, Problem[]>;
  edges: Map<string, Problem[]>;
} {
  let out = problemCache.get(diags);
  if (!out) {
    out = { nodes: problemsBy(diags, 'nodeId'), edges: problemsBy(diags, 'edgeId') };
    problemCache.set(diags, out);
  }
  return out;
}

/**
 * Derives the canvas nodes and edges from the design, its compilation and the UI state.
 * Pass the previous result to keep the objects of unchanged nodes and edges.
 */
export function fromDesign(inputs: FlowInputs, previous?: FlowGraph): FlowGraph {
  const { design, compiled, selectedNodes, selectedEdges, measured } = inputs;
  const { nodes: nodeProblems, edges: edgeProblems } = problemsOf(
    compiled?.diagnostics ?? NO_DIAGNOSTICS,
  );
  const positions = design.layout.positions;
  const posOf = (id: string, i: number): { x: number; y: number } =>
    positions[id] ?? defaultPosition(i);
  const blocks = groupBlocks(design, compiled, nodeProblems, posOf, measured);
  const nodes: StudioNode[] = [];
  for (const b of blocks.frames) nodes.push(frameNode(b, measured));
  design.model.nodes.forEach((node, i) => {
    const c = compiled?.nodes[node.id];
    const size = measured.get(node.id);
    const n: LayerFlowNode = {
      id: node.id,
      type: node.kind,
      position: posOf(node.id, i),
      data: {
        node,
        shape: shapeText(c?.shape),
        params: c?.cost ? c.cost.trainable + c.cost.nonTrainable : null,
        problems: nodeProblems.get(node.id) ?? NO_PROBLEMS,
      },
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
    const shape = compiled?.edgeShapes[e.id];
    edges.push({
      id: e.id,
      type: 'shape',
      source: sg !== undefined ? BLOCK_PREFIX + sg : e.source,
      sourceHandle: sg !== undefined ? 'out' : e.sourcePort,
      target: tg !== undefined ? BLOCK_PREFIX + tg : e.target,
      targetHandle: tg !== undefined ? 'in' : e.targetPort,
      selected: selectedEdges.has(e.id),
      data: { shape: shapeText(shape), problems: edgeProblems.get(e.id) ?? NO_PROBLEMS },
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
    data: { groupId: b.groupId, name: b.name },
    ...(size ? { measured: size } : {}),
  };
}
