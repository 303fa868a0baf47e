/**
 * Pure edits of a design document that the canvas performs: add, connect, remove, move, rename,
 * set params. Each returns a new design (or the same one when nothing changes), so each can be one
 * undoable transaction.
 */
import {
  createNode,
  freshId as freshNodeId,
  zNode,
  type Design,
  type DesignEdge,
  type DesignNode,
  type LayerKind,
} from '@unet-studio/compiler';
import { edgeId } from './ids';

/** A canvas position. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A new connection from an output port to an input port. */
export interface ConnectionSpec {
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
  readonly targetPort: string;
}

/** Adds a node of `kind` with default params at `at`; returns the design and the new id. */
export function addNode(
  design: Design,
  kind: LayerKind,
  at: Point,
): { design: Design; id: string } {
  const id = freshNodeId(design, kind);
  const node = createNode(kind, id);
  return {
    id,
    design: {
      ...design,
      model: { ...design.model, nodes: [...design.model.nodes, node] },
      layout: {
        ...design.layout,
        positions: { ...design.layout.positions, [id]: { x: at.x, y: at.y } },
      },
    },
  };
}

/** Adds an edge; returns the design and the new edge id. */
export function connect(design: Design, c: ConnectionSpec): { design: Design; id: string } {
  const taken = new Set(design.model.edges.map((e) => e.id));
  const id = edgeId(c.source, c.target, c.targetPort, taken);
  const edge: DesignEdge = { id, ...c };
  return {
    id,
    design: { ...design, model: { ...design.model, edges: [...design.model.edges, edge] } },
  };
}

/** Removes nodes (with their edges, positions and group memberships) and edges. */
export function removeElements(
  design: Design,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): Design {
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return design;
  const keptNodes = design.model.nodes.filter((n) => !nodes.has(n.id));
  const keptEdges = design.model.edges.filter(
    (e) => !edges.has(e.id) && !nodes.has(e.source) && !nodes.has(e.target),
  );
  if (
    keptNodes.length === design.model.nodes.length &&
    keptEdges.length === design.model.edges.length
  ) {
    return design;
  }
  const positions = { ...design.layout.positions };
  const colors = { ...design.layout.colors };
  for (const id of nodes) {
    delete positions[id];
    delete colors[id];
  }
  const groups = design.layout.groups
    .map((g) => ({ ...g, nodeIds: g.nodeIds.filter((id) => !nodes.has(id)) }))
    .filter((g) => g.nodeIds.length > 0);
  return {
    ...design,
    model: { nodes: keptNodes, edges: keptEdges },
    layout: { ...design.layout, positions, colors, groups },
  };
}

/** Sets node positions (ids not in the design are ignored). */
export function setPositions(design: Design, moves: Readonly<Record<string, Point>>): Design {
  const known = new Set(design.model.nodes.map((n) => n.id));
  const positions = { ...design.layout.positions };
  let changed = false;
  for (const [id, p] of Object.entries(moves)) {
    if (!known.has(id)) continue;
    const old = positions[id];
    if (old && old.x === p.x && old.y === p.y) continue;
    positions[id] = { x: p.x, y: p.y };
    changed = true;
  }
  return changed ? { ...design, layout: { ...design.layout, positions } } : design;
}

function replaceNode(design: Design, id: string, make: (n: DesignNode) => DesignNode): Design {
  let changed = false;
  const nodes = design.model.nodes.map((n) => {
    if (n.id !== id) return n;
    const next = make(n);
    changed ||= next !== n;
    return next;
  });
  return changed ? { ...design, model: { ...design.model, nodes } } : design;
}

/** Replaces a node's params with `params` when they are valid for its kind; else unchanged. */
export function setNodeParams(design: Design, id: string, params: unknown): Design {
  return replaceNode(design, id, (n) => {
    const parsed = zNode.safeParse({ ...n, params });
    return parsed.success ? parsed.data : n;
  });
}

/** Renames a node (an empty name falls back to the id). */
export function renameNode(design: Design, id: string, name: string): Design {
  return replaceNode(design, id, (n) => {
    const clean = name.trim().slice(0, 120);
    if ((n.name ?? '') === clean) return n;
    const { name: _old, ...rest } = n;
    return clean ? { ...rest, name: clean } : rest;
  });
}
