/**
 * Reachability: breadth-first search from a set of start nodes. O(V + E).
 */
import type { Adjacency } from './adjacency';
import type { IndexGraph } from './indexGraph';

/**
 * The nodes reachable from `starts` (the starts included).
 * @example reachable(buildAdjacency(['a', 'b', 'c'], [{ source: 'a', target: 'b' }]), ['a']) // Set {'a', 'b'}
 */
export function reachable(adj: Adjacency, starts: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const s of starts) {
    if (adj.has(s) && !seen.has(s)) {
      seen.add(s);
      queue.push(s);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    for (const t of adj.get(queue[head] as string) ?? []) {
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
    }
  }
  return seen;
}

/**
 * The same search on an index graph: `mask[i]` is 1 when node `i` is reachable from `starts`.
 * @example reachableMask(indexGraph(3, [0], [1]), [0]) // Uint8Array [1, 1, 0]
 */
export function reachableMask(g: IndexGraph, starts: ArrayLike<number>): Uint8Array {
  const mask = new Uint8Array(g.size);
  const queue = new Int32Array(g.size);
  let tail = 0;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k] ?? -1;
    if (s >= 0 && s < g.size && mask[s] === 0) {
      mask[s] = 1;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const id = queue[head] ?? 0;
    for (let k = g.offsets[id] ?? 0; k < (g.offsets[id + 1] ?? 0); k++) {
      const t = g.targets[k] ?? 0;
      if (mask[t] === 0) {
        mask[t] = 1;
        queue[tail++] = t;
      }
    }
  }
  return mask;
}
