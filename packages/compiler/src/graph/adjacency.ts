/**
 * Adjacency lists: the graph shape every algorithm in this folder works on.
 */

/** Successor lists by node id (every node has an entry, possibly empty). */
export type Adjacency = ReadonlyMap<string, readonly string[]>;

/** An edge as the graph algorithms see it. */
export interface Arc {
  readonly source: string;
  readonly target: string;
}

/**
 * Builds successor lists for `nodeIds`; arcs touching an unknown node are ignored.
 * @example buildAdjacency(['a', 'b'], [{ source: 'a', target: 'b' }]).get('a') // ['b']
 */
export function buildAdjacency(nodeIds: Iterable<string>, arcs: Iterable<Arc>): Adjacency {
  const adj = new Map<string, string[]>();
  for (const id of nodeIds) adj.set(id, []);
  for (const { source, target } of arcs) {
    const out = adj.get(source);
    if (out && adj.has(target)) out.push(target);
  }
  return adj;
}

/** The same graph with every arc reversed. */
export function reverseAdjacency(adj: Adjacency): Adjacency {
  const rev = new Map<string, string[]>();
  for (const id of adj.keys()) rev.set(id, []);
  adj.forEach((targets, source) => {
    for (const t of targets) rev.get(t)?.push(source);
  });
  return rev;
}
