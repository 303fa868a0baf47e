/**
 * Index graphs: successor lists of nodes numbered 0…n−1 in compressed sparse row form (two flat
 * integer arrays), built by a counting sort of the arcs on their source. The compiler numbers the
 * nodes of a design once and walks this form, so a pass over thousands of nodes allocates a few
 * typed arrays instead of a list and a map entry per node.
 */

/** The successors of node `i` are `targets[offsets[i]]` up to (excluding) `targets[offsets[i + 1]]`. */
export interface IndexGraph {
  /** The number of nodes. */
  readonly size: number;
  /** `size + 1` offsets into `targets`, ascending. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
}

/**
 * The graph of `size` nodes with the arcs `sources[k] → targets[k]`; each node's successors keep
 * the order of its arcs. Every index must lie in `[0, size)`.
 * @example indexGraph(3, [0, 0, 1], [1, 2, 2]).targets // Int32Array [1, 2, 2]
 */
export function indexGraph(
  size: number,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
): IndexGraph {
  const offsets = new Int32Array(size + 1);
  for (let k = 0; k < sources.length; k++) {
    const slot = (sources[k] ?? 0) + 1;
    offsets[slot] = (offsets[slot] ?? 0) + 1;
  }
  for (let i = 0; i < size; i++) offsets[i + 1] = (offsets[i + 1] ?? 0) + (offsets[i] ?? 0);
  const sorted = new Int32Array(sources.length);
  const fill = offsets.slice(0, size);
  for (let k = 0; k < sources.length; k++) {
    const source = sources[k] ?? 0;
    const at = fill[source] ?? 0;
    sorted[at] = targets[k] ?? 0;
    fill[source] = at + 1;
  }
  return { size, offsets, targets: sorted };
}

/** The same graph with every arc reversed; predecessors are listed by ascending source. */
export function reverseIndexGraph(g: IndexGraph): IndexGraph {
  const sources = new Int32Array(g.targets.length);
  for (let i = 0; i < g.size; i++) {
    for (let k = g.offsets[i] ?? 0; k < (g.offsets[i + 1] ?? 0); k++) sources[k] = i;
  }
  return indexGraph(g.size, g.targets, sources);
}
