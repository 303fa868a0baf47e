import { describe, expect, it } from 'vitest';
import { buildAdjacency, reverseAdjacency } from './adjacency';
import { reachable } from './reachable';

describe('reachable (BFS)', () => {
  const adj = buildAdjacency(
    ['a', 'b', 'c', 'd'],
    [
      { source: 'a', target: 'b' },
      { source: 'b', target: 'c' },
    ],
  );

  it('collects the nodes reachable from the starts', () => {
    expect([...reachable(adj, ['a'])].sort()).toEqual(['a', 'b', 'c']);
    expect([...reachable(adj, ['d'])]).toEqual(['d']);
    expect([...reachable(adj, ['nope'])]).toEqual([]);
  });

  it('walks backwards on the reversed graph', () => {
    expect([...reachable(reverseAdjacency(adj), ['c'])].sort()).toEqual(['a', 'b', 'c']);
  });
});
