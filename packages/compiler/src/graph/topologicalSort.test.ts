import { describe, expect, it } from 'vitest';
import { buildAdjacency } from './adjacency';
import { topologicalSort } from './topologicalSort';

const arcs = (...pairs: [string, string][]) =>
  pairs.map(([source, target]) => ({ source, target }));

describe('topologicalSort (Kahn)', () => {
  it('orders a diamond so every arc points forward', () => {
    const adj = buildAdjacency(
      ['d', 'c', 'b', 'a'],
      arcs(['a', 'b'], ['a', 'c'], ['b', 'd'], ['c', 'd']),
    );
    const { order, blocked } = topologicalSort(adj);
    expect(blocked).toEqual([]);
    const at = new Map(order.map((id, i) => [id, i]));
    for (const [s, t] of [
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'd'],
      ['c', 'd'],
    ] as const) {
      expect(at.get(s)).toBeLessThan(at.get(t) ?? -1);
    }
  });

  it('leaves nodes on and after a cycle blocked', () => {
    const adj = buildAdjacency(
      ['a', 'b', 'c', 'd'],
      arcs(['a', 'b'], ['b', 'c'], ['c', 'b'], ['c', 'd']),
    );
    const { order, blocked } = topologicalSort(adj);
    expect(order).toEqual(['a']);
    expect([...blocked].sort()).toEqual(['b', 'c', 'd']);
  });

  it('ignores arcs to unknown nodes', () => {
    expect(topologicalSort(buildAdjacency(['a'], arcs(['a', 'zz']))).order).toEqual(['a']);
  });
});
