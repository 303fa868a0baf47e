import { describe, expect, it } from 'vitest';
import { validateData } from './dataset';
import { makeSyntheticSignals } from './signals';

describe('makeSyntheticSignals', () => {
  it('makes 1D data whose pulses stand out from the baseline', () => {
    const d = makeSyntheticSignals({ count: 10, length: 128, seed: 3 });
    validateData(d);
    expect(d.inputShape).toEqual([128, 1]);
    let fg = 0;
    let fgAbs = 0;
    let bgAbs = 0;
    d.y.forEach((v, i) => {
      if (v === 1) {
        fg++;
        fgAbs += Math.abs(d.x[i]!);
      } else bgAbs += Math.abs(d.x[i]!);
    });
    expect(fg).toBeGreaterThan(0);
    expect(fgAbs / fg).toBeGreaterThan(2 * (bgAbs / (d.y.length - fg)));
    expect(makeSyntheticSignals({ count: 10, length: 128, seed: 3 }).x).toEqual(d.x);
  });

  it('labels pulse kinds for multi-class data over several channels', () => {
    const d = makeSyntheticSignals({ count: 30, length: 64, classes: 4, channels: 2, seed: 1 });
    validateData(d);
    expect(d.targetShape).toEqual([64, 4]);
    const counts = [0, 0, 0, 0];
    for (let t = 0; t < d.y.length / 4; t++)
      counts[Array.from(d.y.subarray(t * 4, t * 4 + 4)).indexOf(1)]!++;
    expect(counts.every((c) => c > 0)).toBe(true);
  });

  it('rejects a too-short signal', () => {
    expect(() => makeSyntheticSignals({ count: 1, length: 8 })).toThrow(
      /length must be an integer ≥ 16/,
    );
  });
});
