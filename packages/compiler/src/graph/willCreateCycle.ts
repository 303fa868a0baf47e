/**
 * Will-create-cycle: adding the arc source → target closes a cycle exactly when `source` is
 * reachable from `target` (a breadth-first search from `target`, see `reachable.ts`), or when both are the same node.
 * The canvas calls it while the user drags a new connection.
 */
import type { Design } from '../design/schema';
import { buildAdjacency } from './adjacency';
import { reachable } from './reachable';

/**
 * True when connecting `source` → `target` in `design` would make the graph cyclic.
 * @example willCreateCycle(design, 'dec1', 'enc1') // true when enc1 already leads to dec1
 */
export function willCreateCycle(design: Design, source: string, target: string): boolean {
  if (source === target) return true;
  const adj = buildAdjacency(
    design.model.nodes.map((n) => n.id),
    design.model.edges,
  );
  return reachable(adj, [target]).has(source);
}
