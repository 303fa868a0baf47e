import { describe, expect, it } from 'vitest';
import { formatDim, symDim } from './dimMath';
import {
  convSize,
  convTransposeSize,
  poolSize,
  upsampleSize,
  type SizeDivision,
} from './sizeRules';

describe('TensorFlow size rules', () => {
  it('conv: same ceil(n/s), valid ceil((n − (k−1)·d)/s)', () => {
    expect(convSize(7, 3, 2, 1, 'same', 0)).toBe(4);
    expect(convSize(572, 3, 1, 1, 'valid', 0)).toBe(570);
    expect(convSize(100, 3, 1, 4, 'valid', 0)).toBe(92);
    expect(convSize(10, 3, 2, 1, 'valid', 0)).toBe(4);
  });

  it('pool: same ceil(n/s), valid floor((n − w)/s) + 1', () => {
    expect(poolSize(7, 2, 2, 'same', 0)).toBe(4);
    expect(poolSize(7, 2, 2, 'valid', 0)).toBe(3);
    expect(poolSize(255, 3, 2, 'same', 0)).toBe(128);
  });

  it('transposed conv: same n·s, valid n·s + max(k − s, 0); upsample n·f', () => {
    expect(convTransposeSize(28, 2, 2, 'same')).toBe(56);
    expect(convTransposeSize(10, 3, 2, 'valid')).toBe(21);
    expect(convTransposeSize(10, 1, 2, 'valid')).toBe(20);
    expect(upsampleSize(16, 3)).toBe(48);
  });

  it('reports strided divisions only, with the open size as an expression', () => {
    const seen: SizeDivision[] = [];
    const sink = (d: SizeDivision) => seen.push(d);
    convSize(symDim('H'), 3, 1, 1, 'valid', 0, sink);
    const out = poolSize(symDim('H'), 2, 2, 'valid', 1, sink);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.axis).toBe(1);
    expect(formatDim(seen[0]?.numerator ?? 0)).toBe('H−2');
    expect(formatDim(out)).toBe('H/2');
  });
});
