/**
 * Reachability: breadth-first search from a set of start nodes. O(V + E).
 */
import type { Adjacency } from './adjacency';

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
