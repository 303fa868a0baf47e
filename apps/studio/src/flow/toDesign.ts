/**
 * Canvas → design: the one place where canvas state and canvas changes are turned back into the
 * design document. The result is deep-copied, so nothing React Flow or the base holds is ever
 * serialised or mutated by accident.
 */
import type { Design, DesignEdge } from '@unet-studio/compiler';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { setPositions, type Point } from '../state/designEdits';
import { moveGroup } from '../state/groupEdits';
import type { FlowGraph } from './fromDesign';
import { BLOCK_PREFIX, isLayerNode, type StudioEdge, type StudioNode } from './types';

/**
 * The design a canvas graph stands for, on top of `base` (which supplies what the canvas does not
 * show: name, training, runs, groups, node params, and the edges hidden inside collapsed groups).
 * Canvas nodes that `base` does not have are left out: the canvas never makes nodes of its own.
 */
export function toDesign(graph: FlowGraph, base: Design): Design {
  const layers = graph.nodes.filter(isLayerNode);
  const baseNodes = new Map(base.model.nodes.map((n) => [n.id, n]));
  const nodes = layers.flatMap((n) => baseNodes.get(n.id) ?? []);
  const positions: Design['layout']['positions'] = {};
  for (const n of layers) positions[n.id] = { x: n.position.x, y: n.position.y };
  const byId = new Map(base.model.edges.map((e) => [e.id, e]));
  const edges: DesignEdge[] = graph.edges.map((e) => {
    const original = byId.get(e.id);
    // Edges into or out of a collapsed block are drawn on the block; the design keeps the member.
    const source = e.source.startsWith(BLOCK_PREFIX) && original ? original.source : e.source;
    const target = e.target.startsWith(BLOCK_PREFIX) && original ? original.target : e.target;
    return {
      id: e.id,
      source,
      sourcePort:
        e.source.startsWith(BLOCK_PREFIX) && original
          ? original.sourcePort
          : (e.sourceHandle ?? 'out'),
      target,
      targetPort:
        e.target.startsWith(BLOCK_PREFIX) && original
          ? original.targetPort
          : (e.targetHandle ?? 'in'),
    };
  });
  // Keep the base's edge order; edges hidden inside collapsed groups stay as they are.
  const drawn = new Map(edges.map((e) => [e.id, e]));
  const hiddenNodes = new Set(layers.filter((n) => n.hidden).map((n) => n.id));
  const ordered = base.model.edges.flatMap((e) => {
    const d = drawn.get(e.id);
    if (d) return [d];
    return hiddenNodes.has(e.source) && hiddenNodes.has(e.target) ? [e] : [];
  });
  const known = new Set(base.model.edges.map((e) => e.id));
  ordered.push(...edges.filter((e) => !known.has(e.id)));
  return structuredClone({
    ...base,
    model: { nodes, edges: ordered },
    layout: { ...base.layout, positions: { ...base.layout.positions, ...positions } },
  });
}

/** What a batch of node changes means for the design and the selection. */
export interface NodeChangeEffect {
  /** The design after the moves (the same object when nothing moved). */
  readonly design: Design;
  /** True while a drag is in progress (a preview tick); false when it ended or was no drag. */
  readonly dragging: boolean;
  /** True when a drag ended in this batch. */
  readonly dragEnded: boolean;
  /** Node selection changes: id → selected. */
  readonly selection: ReadonlyMap<string, boolean>;
}

/**
 * Interprets React Flow node changes: position changes move layer nodes (or a collapsed block's
 * members), select changes are collected. Removals are handled as one delete transaction
 * elsewhere; dimension changes belong to the canvas, not the design.
 */
export function applyNodeChanges(
  design: Design,
  changes: readonly NodeChange<StudioNode>[],
  graph: FlowGraph,
): NodeChangeEffect {
  const moves: Record<string, Point> = {};
  let next = design;
  let dragging = false;
  let dragEnded = false;
  const selection = new Map<string, boolean>();
  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  for (const c of changes) {
    if (c.type === 'select') selection.set(c.id, c.selected);
    if (c.type !== 'position') continue;
    if (c.dragging) dragging = true;
    else if (c.dragging === false) dragEnded = true;
    if (!c.position) continue;
    const node = nodeById.get(c.id);
    if (node?.type === 'block') {
      const delta = { x: c.position.x - node.position.x, y: c.position.y - node.position.y };
      next = moveGroup(next, node.data.groupId, delta);
    } else if (node && isLayerNode(node)) {
      moves[c.id] = c.position;
    }
  }
  next = setPositions(next, moves);
  return { design: next, dragging: dragging && !dragEnded, dragEnded, selection };
}

/** Edge selection changes: id → selected. */
export function edgeSelection(
  changes: readonly EdgeChange<StudioEdge>[],
): ReadonlyMap<string, boolean> {
  const out = new Map<string, boolean>();
  for (const c of changes) if (c.type === 'select') out.set(c.id, c.selected);
  return out;
}
