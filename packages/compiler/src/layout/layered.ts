/**
 * Graph helpers for layouts: a topological order that tolerates cycles (Kahn's algorithm, with the
 * nodes left on cycles appended in document order), each node's main input, and the layered
 * fallback layout (longest-path layering, nodes stacked in document order within a layer).
 */
import type { Design, DesignNode, Layout } from '../design/schema';

/** Input ports that carry a node's main path (the `skip` port of a merge does not). */
const MAIN_PORTS = ['in', 'up', 'a'] as const;

/** Nodes in topological order; nodes on cycles come last, in document order. */
export function topologicalNodes(design: Design): DesignNode[] {
  const nodes = design.model.nodes;
  const known = new Set(nodes.map((n) => n.id));
  const indegree = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  const next = new Map<string, string[]>();
  for (const e of design.model.edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    indegree.set(e.target, (indegree.get(e.target) ?? 0) + 1);
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: DesignNode[] = [];
  const placed = new Set<string>();
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    if (placed.has(id)) continue;
    placed.add(id);
    const node = byId.get(id);
    if (node) order.push(node);
    for (const t of next.get(id) ?? []) {
      const d = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, d);
      if (d === 0) queue.push(t);
    }
  }
  for (const n of nodes) if (!placed.has(n.id)) order.push(n);
  return order;
}

/** The source of each node's main input (port `in`, `up` or `a`), when connected. */
export function mainInputs(design: Design): Map<string, string> {
  const main = new Map<string, string>();
  for (const port of MAIN_PORTS) {
    for (const e of design.model.edges) {
      if (e.targetPort === port && !main.has(e.target)) main.set(e.target, e.source);
    }
  }
  return main;
}

/**
 * Layered layout: column = longest path from a source, rows in topological order.
 * @returns positions by node id.
 */
export function layeredLayout(design: Design, dx = 280, dy = 140): Layout['positions'] {
  const order = topologicalNodes(design);
  const index = new Map(order.map((n, i) => [n.id, i]));
  const sources = new Map<string, string[]>();
  for (const e of design.model.edges) {
    const list = sources.get(e.target);
    if (list) list.push(e.source);
    else sources.set(e.target, [e.source]);
  }
  const layer = new Map<string, number>();
  for (const node of order) {
    let l = 0;
    for (const source of sources.get(node.id) ?? []) {
      // An edge against the order closes a cycle: it does not push the target further right.
      if ((index.get(source) ?? Infinity) >= (index.get(node.id) ?? 0)) continue;
      l = Math.max(l, (layer.get(source) ?? 0) + 1);
    }
    layer.set(node.id, l);
  }
  const filled = new Map<number, number>();
  const positions: Layout['positions'] = {};
  for (const node of order) {
    const l = layer.get(node.id) ?? 0;
    const row = filled.get(l) ?? 0;
    filled.set(l, row + 1);
    positions[node.id] = { x: l * dx, y: row * dy };
  }
  return positions;
}
