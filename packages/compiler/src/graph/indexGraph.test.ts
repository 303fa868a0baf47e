import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAdjacency } from './adjacency';
import { indexGraph, reverseIndexGraph } from './indexGraph';
import { reachable, reachableMask } from './reachable';
import { topologicalOrder, topologicalSort } from './topologicalSort';

const successors = (g: ReturnType<typeof indexGraph>, i: number): number[] =>
  Array.from(g.targets.subarray(g.offsets[i], g.offsets[i + 1]));

/** Random graphs: a node count and arcs between existing nodes (duplicates and loops included). */
const graphs = fc.integer({ min: 0, max: 12 }).chain((size) =>
  fc.record({
    size: fc.constant(size),
    arcs:
      size === 0
        ? fc.constant<[number, number][]>([])
        : fc.array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1))),
  }),
);

describe('indexGraph (compressed sparse rows)', () => {
  it('lists each node’s successors in the order of its arcs', () => {
    const g = indexGraph(4, [2, 0, 2, 1], [3, 1, 0, 3]);
    expect([0, 1, 2, 3].map((i) => successors(g, i))).toEqual([[1], [3], [3, 0], []]);
  });

  it('reverses every arc, predecessors by ascending source', () => {
    const g = reverseIndexGraph(indexGraph(3, [2, 0, 1], [1, 1, 0]));
    expect([0, 1, 2].map((i) => successors(g, i))).toEqual([[1], [0, 2], []]);
  });

  it('sorts and searches like the id-keyed algorithms on the same graph', () => {
    fc.assert(
      fc.property(graphs, ({ size, arcs }) => {
        const ids = Array.from({ length: size }, (_, i) => `n${i}`);
        const g = indexGraph(
          size,
          arcs.map(([s]) => s),
          arcs.map(([, t]) => t),
        );
        const adj = buildAdjacency(
          ids,
          arcs.map(([s, t]) => ({ source: `n${s}`, target: `n${t}` })),
        );
        const byIds = topologicalSort(adj);
        const byIndex = topologicalOrder(g);
        expect(Array.from(byIndex.order, (i) => `n${i}`)).toEqual(byIds.order);
        expect(byIndex.blocked.map((i) => `n${i}`)).toEqual(byIds.blocked);
        const mask = reachableMask(g, size > 0 ? [0] : []);
        const seen = size > 0 ? reachable(adj, ['n0']) : new Set<string>();
        expect(ids.filter((_, i) => mask[i] === 1)).toEqual(ids.filter((id) => seen.has(id)));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores start indices outside the graph', () => {
    expect(Array.from(reachableMask(indexGraph(2, [0], [1]), [-1, 5, 1]))).toEqual([0, 1]);
  });
});
