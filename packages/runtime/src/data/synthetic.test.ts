import { describe, expect, it } from 'vitest';
import { validateData } from './dataset';
import { makeSyntheticShapes } from './synthetic';

describe('makeSyntheticShapes', () => {
  it('makes consistent, reproducible binary data with shapes brighter than the background', () => {
    const a = makeSyntheticShapes({ count: 8, size: [32, 24], seed: 5 });
    validateData(a);
    expect(a.inputShape).toEqual([32, 24, 3]);
    expect(a.targetShape).toEqual([32, 24, 1]);
    expect(makeSyntheticShapes({ count: 8, size: [32, 24], seed: 5 }).x).toEqual(a.x);
    expect(makeSyntheticShapes({ count: 8, size: [32, 24], seed: 6 }).x).not.toEqual(a.x);
    let fg = 0;
    let fgSum = 0;
    let bgSum = 0;
    for (let p = 0; p < a.y.length; p++) {
      const mean = (a.x[p * 3]! + a.x[p * 3 + 1]! + a.x[p * 3 + 2]!) / 3;
      if (a.y[p] === 1) {
        fg++;
        fgSum += mean;
      } else bgSum += mean;
    }
    const fraction = fg / a.y.length;
    expect(fraction).toBeGreaterThan(0.03);
    expect(fraction).toBeLessThan(0.6);
    expect(fgSum / fg - bgSum / (a.y.length - fg)).toBeGreaterThan(0.3);
    expect(a.x.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('labels shape kinds as classes with one-hot targets', () => {
    const d = makeSyntheticShapes({ count: 20, size: [24, 24], classes: 4, channels: 1, seed: 2 });
    validateData(d);
    const seen = new Set<number>();
    for (let p = 0; p < d.y.length / 4; p++) {
      const row = Array.from(d.y.subarray(p * 4, p * 4 + 4));
      expect(row.reduce((s, v) => s + v, 0)).toBe(1);
      seen.add(row.indexOf(1));
    }
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('rejects impossible options with a clear message', () => {
    expect(() => makeSyntheticShapes({ count: 0, size: [8, 8] })).toThrow(
      /count must be a positive integer/,
    );
    expect(() => makeSyntheticShapes({ count: 1, size: [8, 8], classes: 9 })).toThrow(
      /classes must be 1 … 4/,
    );
    expect(() => makeSyntheticShapes({ count: 1, size: [2, 8] })).toThrow(/size must be/);
  });
});
