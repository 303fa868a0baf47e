import { describe, expect, it } from 'vitest';
import { makeSyntheticShapes } from '../data/synthetic';
import { borderWeightMap, withBorderWeights } from './borderWeights';

// Two 3×3 squares (rows 1–3, columns 1–3 and 5–7) in a 5×9 mask, a one-pixel gap at column 4.
const H = 5;
const W = 9;
const mask = Array.from({ length: H * W }, (_, i) => {
  const r = Math.floor(i / W);
  const c = i % W;
  return r >= 1 && r <= 3 && ((c >= 1 && c <= 3) || (c >= 5 && c <= 7)) ? 1 : 0;
});
const border = (d1: number, d2: number) => 10 * Math.exp(-((d1 + d2) ** 2) / (2 * 25));

describe('borderWeightMap', () => {
  const w = borderWeightMap(mask, H, W);
  // w_c: 45 pixels, 18 foreground, 27 background, 2 classes.
  const wcBackground = 45 / (2 * 27);
  const wcForeground = 45 / (2 * 18);

  it('weighs the gap between two objects most: d1 = d2 = 1', () => {
    expect(w[2 * W + 4]).toBeCloseTo(wcBackground + border(1, 1), 5);
    expect(Math.max(...w)).toBeCloseTo(wcBackground + border(1, 1), 5);
  });

  it('uses the nearest and second-nearest object for other background pixels', () => {
    // Corner (0, 0): nearest object pixel (1, 1), second object's nearest pixel (1, 5).
    expect(w[0]).toBeCloseTo(wcBackground + border(Math.SQRT2, Math.hypot(1, 5)), 5);
    // (2, 8): right of the second square: d1 = 1, first square's pixel (2, 3) at 5.
    expect(w[2 * W + 8]).toBeCloseTo(wcBackground + border(1, 5), 5);
  });

  it('gives object pixels their class weight only', () => {
    expect(w[2 * W + 2]).toBeCloseTo(wcForeground, 6);
  });

  it('has no border term with a single object, and can skip class balancing', () => {
    const one = mask.map((v, i) => (i % W < 4 ? v : 0));
    const w1 = borderWeightMap(one, H, W, { balanceClasses: false });
    expect(new Set(w1)).toEqual(new Set([1]));
  });

  it('rejects a mask of the wrong size', () => {
    expect(() => borderWeightMap([0, 1], 2, 2)).toThrow(/mask holds 2 pixels, expected 2×2/);
  });
});

describe('withBorderWeights', () => {
  it('adds one weight per pixel to every sample', () => {
    const data = withBorderWeights(makeSyntheticShapes({ count: 3, size: [16, 16], seed: 1 }));
    expect(data.weights).toHaveLength(3 * 16 * 16);
    expect(Math.min(...data.weights!)).toBeGreaterThan(0);
  });
});
