import { describe, expect, it } from 'vitest';
import { buildAdjacency } from './adjacency';
import { findCycle } from './findCycle';

const arcs = (...pairs: [string, string][]) =>
  pairs.map(([source, target]) => ({ source, target }));

describe('findCycle (three-colour DFS)', () => {
  it('returns the nodes of a cycle in path order', () => {
    const adj = buildAdjacency(
      ['a', 'b', 'c', 'd'],
      arcs(['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'b']),
    );
    expect(findCycle(adj)).toEqual(['b', 'c', 'd']);
  });

  it('finds a self-loop and returns null for a DAG', () => {
    expect(findCycle(buildAdjacency(['a'], arcs(['a', 'a'])))).toEqual(['a']);
    expect(
      findCycle(buildAdjacency(['a', 'b', 'c'], arcs(['a', 'b'], ['a', 'c'], ['b', 'c']))),
    ).toBeNull();
  });

  it('handles a 100,000-node chain without overflowing the stack', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `n${i}`);
    const chain = ids.slice(1).map((id, i) => ({ source: ids[i] ?? '', target: id }));
    expect(findCycle(buildAdjacency(ids, chain))).toBeNull();
    expect(
      findCycle(buildAdjacency(ids, [...chain, { source: 'n99999', target: 'n0' }])),
    ).toHaveLength(100_000);
  });
});
