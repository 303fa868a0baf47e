import { describe, expect, it } from 'vitest';
import type { SymDim } from './dim';
import {
  dimAdd,
  dimAt,
  dimCeilDiv,
  dimEq,
  dimFloorDiv,
  dimMinOpen,
  dimMul,
  dimSub,
  formatDim,
  symDim,
} from './dimMath';

const H = symDim('H');

describe('symbolic sizes', () => {
  it('formats H/16, H−184, (H−124)/16, 2H+1', () => {
    expect(formatDim(dimCeilDiv(H, 16))).toBe('H/16');
    expect(formatDim(dimAdd(H, -184))).toBe('H−184');
    expect(formatDim(dimCeilDiv(dimAdd(H, -124), 16))).toBe('(H−124)/16');
    expect(formatDim(dimAdd(dimMul(H, 2), 1))).toBe('2H+1');
    expect(formatDim(572)).toBe('572');
  });

  it('tracks the paper’s first level: (H − 4 − 2)/2 + 1 = H/2 − 2', () => {
    const pooled = dimAdd(dimFloorDiv(dimAdd(H, -6), 2), 1);
    expect(formatDim(pooled)).toBe('(H−4)/2');
    expect(dimAt(pooled, 572)).toBe(284);
  });

  it('compares and subtracts: equal expressions are equal, a fixed difference is a number', () => {
    expect(dimEq(dimCeilDiv(dimMul(H, 2), 2), H)).toBe(true);
    expect(dimEq(H, symDim('W'))).toBe(false);
    expect(dimSub(dimAdd(H, -4), dimAdd(H, -180))).toBe(176);
    expect(dimSub(H, dimCeilDiv(H, 2))).toBeNull();
    expect(dimSub(H, 5)).toBeNull();
    expect(dimSub(9, 5)).toBe(4);
  });

  it('uses ceil and floor on concrete sizes', () => {
    expect(dimCeilDiv(25, 2)).toBe(13);
    expect(dimFloorDiv(25, 2)).toBe(12);
  });

  it('finds the smallest open size keeping a map at least 1 wide', () => {
    // (H − 124)/16 − 4 ≥ 1  ⇔  H ≥ 204
    const bottom = dimAdd(dimCeilDiv(dimAdd(H, -124), 16), -4) as SymDim;
    expect(dimMinOpen(bottom, 1)).toBe(204);
    expect(dimMinOpen(dimAdd(H, -184) as SymDim, 1)).toBe(185);
  });
});
