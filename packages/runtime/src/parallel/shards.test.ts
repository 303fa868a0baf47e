import { describe, expect, it } from 'vitest';
import { splitBatch } from './shards';

describe('splitBatch', () => {
  it('shares a batch as evenly as it goes, larger shards first, keeping the order', () => {
    expect(splitBatch([0, 1, 2, 3, 4, 5, 6, 7], 2)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ]);
    expect(splitBatch([9, 8, 7, 6, 5], 3)).toEqual([[9, 8], [7, 6], [5]]);
    expect(splitBatch([4], 2)).toEqual([[4], []]);
    expect(splitBatch([1, 2], 1)).toEqual([[1, 2]]);
  });

  it('refuses a replica count that is not a positive whole number', () => {
    expect(() => splitBatch([1], 0)).toThrow(/whole number of replicas ≥ 1, got 0/);
    expect(() => splitBatch([1], 1.5)).toThrow(/got 1.5/);
  });
});
