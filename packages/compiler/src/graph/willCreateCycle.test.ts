import { describe, expect, it } from 'vitest';
import { basicUnet } from '../../test/unets';
import { willCreateCycle } from './willCreateCycle';

describe('willCreateCycle', () => {
  const design = basicUnet();

  it('is true when the target already leads to the source', () => {
    expect(willCreateCycle(design, 'dec0', 'enc0')).toBe(true);
    expect(willCreateCycle(design, 'out', 'in')).toBe(true);
  });

  it('is true for a self-connection and false for a forward connection', () => {
    expect(willCreateCycle(design, 'enc1', 'enc1')).toBe(true);
    expect(willCreateCycle(design, 'enc0', 'dec0')).toBe(false);
    expect(willCreateCycle(design, 'enc0', 'unknown')).toBe(false);
  });
});
