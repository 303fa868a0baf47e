/**
 * Cycle detection: iterative depth-first search with three colours (white: unseen, grey: on the
 * current path, black: done). A grey successor closes a cycle. O(V + E), no recursion, so deep
 * chains cannot overflow the stack.
 */
import type { Adjacency } from './adjacency';

const GREY = 1;
const BLACK = 2;

/**
 * One cycle of `adj` as its node ids in path order, or null when the graph is acyclic.
 * @example findCycle(buildAdjacency(['a', 'b'], [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }])) // ['a', 'b']
 */
export function findCycle(adj: Adjacency): string[] | null {
  const colour = new Map<string, number>();
  for (const start of adj.keys()) {
    if (colour.has(start)) continue;
    const path: string[] = [start];
    const next: number[] = [0];
    colour.set(start, GREY);
    while (path.length > 0) {
      const top = path.length - 1;
      const id = path[top] as string;
      const succ = adj.get(id) ?? [];
      const i = next[top] ?? 0;
      if (i >= succ.length) {
        colour.set(id, BLACK);
        path.pop();
        next.pop();
        continue;
      }
      next[top] = i + 1;
      const t = succ[i] as string;
      const c = colour.get(t);
      if (c === GREY) return path.slice(path.indexOf(t));
      if (c === undefined) {
        colour.set(t, GREY);
        path.push(t);
        next.push(0);
      }
    }
  }
  return null;
}
