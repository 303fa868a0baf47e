/**
 * Topological sort: Kahn's algorithm (repeatedly emit a node with no remaining incoming arc).
 * O(V + E). Nodes on a cycle, or downstream of one, are never emitted and are returned apart.
 */
import type { Adjacency } from './adjacency';

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
