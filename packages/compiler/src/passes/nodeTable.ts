/**
 * The compiled design's node table: every node of the structure, keyed by id in design order (the
 * lowered ones as the shapes pass made them), and the topological order of the lowered nodes as ids.
 */
import type { CompiledNode } from '../compiled';
import { unloweredEntry } from './lowerNode';
import type { Shapes } from './shapes';
import type { Structure } from './structure';

/** The compiled nodes by id (see `dictionary`), in design order. */
export function nodeTable(s: Structure, shapes: Shapes): Record<string, CompiledNode> {
  const nodes = s.tables.nodes;
  for (let i = 0; i < s.nodes.length; i++) {
    const node = s.nodes[i];
    if (node === undefined) continue;
    nodes[node.id] = shapes.nodes[i] ?? unloweredEntry(node);
  }
  // Every key now holds its compiled entry.
  return nodes as Record<string, CompiledNode>;
}

/** The ids of the lowered nodes (those reachable from the input), in topological order. */
export function reachedIds(s: Structure): string[] {
  const ids = new Array<string>(s.reached.length);
  for (let k = 0; k < s.reached.length; k++) ids[k] = s.nodes[s.reached[k] ?? -1]?.id ?? '';
  return ids;
}
