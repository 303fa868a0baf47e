/**
 * Topological sort: Kahn's algorithm (repeatedly emit a node with no remaining incoming arc).
 * O(V + E). Nodes on a cycle, or downstream of one, are never emitted and are returned apart.
 */
import type { Adjacency } from './adjacency';
import type { IndexGraph } from './indexGraph';

/** The sorted nodes, and those left over because of a cycle. */
export interface TopoResult {
  readonly order: readonly string[];
  readonly blocked: readonly string[];
}

/**
 * Sorts `adj` so every arc points forward. Ties keep the adjacency's insertion order.
 * @example topologicalSort(buildAdjacency(['b', 'a'], [{ source: 'a', target: 'b' }])).order // ['a', 'b']
 */
export function topologicalSort(adj: Adjacency): TopoResult {
  const indegree = new Map<string, number>();
  for (const id of adj.keys()) indegree.set(id, 0);
  for (const targets of adj.values()) {
    for (const t of targets) indegree.set(t, (indegree.get(t) ?? 0) + 1);
  }
  const queue: string[] = [];
  indegree.forEach((deg, id) => {
    if (deg === 0) queue.push(id);
  });
  const order: string[] = [];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    order.push(id);
    for (const t of adj.get(id) ?? []) {
      const deg = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, deg);
      if (deg === 0) queue.push(t);
    }
  }
  const blocked =
    order.length === adj.size ? [] : [...adj.keys()].filter((id) => (indegree.get(id) ?? 0) > 0);
  return { order, blocked };
}

/** The sorted node indices, and those left over because of a cycle (ascending). */
export interface IndexTopoResult {
  readonly order: Int32Array;
  readonly blocked: readonly number[];
}

/**
 * Kahn's algorithm on an index graph: the same order `topologicalSort` gives for the same nodes and
 * arcs (ties by ascending index, then by arc order).
 * @example topologicalOrder(indexGraph(2, [1], [0])).order // Int32Array [1, 0]
 */
export function topologicalOrder(g: IndexGraph): IndexTopoResult {
  const indegree = new Int32Array(g.size);
  for (let k = 0; k < g.targets.length; k++) {
    const t = g.targets[k] ?? 0;
    indegree[t] = (indegree[t] ?? 0) + 1;
  }
  const queue = new Int32Array(g.size);
  let tail = 0;
  for (let i = 0; i < g.size; i++) if (indegree[i] === 0) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const id = queue[head] ?? 0;
    for (let k = g.offsets[id] ?? 0; k < (g.offsets[id + 1] ?? 0); k++) {
      const t = g.targets[k] ?? 0;
      const deg = (indegree[t] ?? 0) - 1;
      indegree[t] = deg;
      if (deg === 0) queue[tail++] = t;
    }
  }
  const blocked: number[] = [];
  if (tail < g.size) for (let i = 0; i < g.size; i++) if ((indegree[i] ?? 0) > 0) blocked.push(i);
  return { order: queue.subarray(0, tail), blocked };
}
