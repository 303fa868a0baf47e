import { describe, expect, it } from 'vitest';
import { DILATED_CASES, UNDILATED_CASES, compare, seededValues } from '../../test/gradCases';
import { conv2dBackpropFilterNHWC } from './conv2dBackpropFilterImpl';
import { convGeometry, type ConvGeometry } from './convGeometry';
import { dyOnGrid, filterGradGrid, gatherPhaseGrid } from './filterGradGrid';

/** dW by the grid layout, with the products done as plain float64 dot products. */
function viaGrid(x: Float32Array, dy: Float32Array, g: ConvGeometry): Float64Array {
  const grid = filterGradGrid(g);
  const Q = grid.cells;
  let d = dy;
  if (!grid.dyIsGrid) {
    d = new Float32Array(Q * g.outC);
    dyOnGrid(dy, g, grid, d);
  }
  const dw = new Float64Array(g.filterH * g.filterW * g.inC * g.outC);
  grid.phases.forEach((_, phase) => {
    // Filled with a marker first: the gather must overwrite every cell, zeros included.
    const planes = new Float32Array(g.inC * Q + grid.slack).fill(Number.NaN);
    gatherPhaseGrid(x, g, grid, phase, planes);
    expect(planes.some(Number.isNaN)).toBe(false);
    for (const tap of grid.taps.filter((t) => t.phase === phase)) {
      // Every slice stays inside the buffer.
      expect(tap.offset + g.inC * Q).toBeLessThanOrEqual(planes.length);
      for (let ci = 0; ci < g.inC; ci++) {
        for (let co = 0; co < g.outC; co++) {
          let s = 0;
          for (let q = 0; q < Q; q++) s += planes[tap.offset + ci * Q + q]! * d[q * g.outC + co]!;
          dw[((tap.kh * g.filterW + tap.kw) * g.inC + ci) * g.outC + co] = s;
        }
      }
    }
  });
  return dw;
}

const STRIDED_DILATED = [
  { name: 'k3 s2 d2 same, odd 11×9', x: [2, 11, 9, 3], k: [3, 3], stride: 2, dilation: 2 },
  { name: 'k2×3 s3 d1 valid, 10×13', x: [1, 10, 13, 2], k: [2, 3], stride: 3, dilation: 1 },
  { name: 'k5×1 s1×2 d1 same, 7×8', x: [2, 7, 8, 2], k: [5, 1], stride: [1, 2], dilation: 1 },
] as const;

const cases = [
  ...[...UNDILATED_CASES, ...DILATED_CASES].map((c) => ({
    name: c.name,
    x: c.x,
    k: c.k,
    stride: c.stride,
    dilation: c.dilation,
    pad: c.pad,
    out: c.out,
  })),
  ...STRIDED_DILATED.map((c) => ({ ...c, pad: 'same' as const, out: 3 })),
];

describe('filter-gradient grids', () => {
  it.each(cases)('give the same dW as im2col: $name', (c) => {
    const stride = typeof c.stride === 'number' ? c.stride : ([...c.stride] as [number, number]);
    const g = convGeometry(
      c.x,
      [c.k[0], c.k[1], c.x[3], c.out],
      stride,
      c.dilation,
      c.pad,
      undefined,
      false,
    );
    const x = seededValues(
      c.x.reduce((a, b) => a * b, 1),
      3,
    );
    const dy = seededValues(g.batch * g.outH * g.outW * g.outC, 4);
    const { maxDiff, scale } = compare(viaGrid(x, dy, g), conv2dBackpropFilterNHWC(x, dy, g));
    // Both sum in float64; only the order differs.
    expect(maxDiff).toBeLessThanOrEqual(1e-5 * Math.max(1, scale));
  });

  it('needs no copy of dy for 1×1 and non-overlapping strided filters', () => {
    const geometry = (k: number, s: number) =>
      convGeometry([2, 8, 8, 3], [k, k, 3, 4], s, 1, 'valid', undefined, false);
    expect(filterGradGrid(geometry(1, 1)).dyIsGrid).toBe(true);
    const k2s2 = filterGradGrid(geometry(2, 2));
    expect(k2s2.dyIsGrid).toBe(true);
    expect(k2s2.phases).toHaveLength(4);
    expect(k2s2.slack).toBe(0);
    const k3s1 = filterGradGrid(
      convGeometry([2, 8, 8, 3], [3, 3, 3, 4], 1, 1, 'same', undefined, false),
    );
    expect([k3s1.gridH, k3s1.gridW, k3s1.phases.length, k3s1.dyIsGrid]).toEqual([10, 10, 1, false]);
    // Neighbouring rows and images share one zero line: (8 + 1)² cells per image.
    expect([k3s1.rowStride, k3s1.imageStride]).toEqual([9, 81]);
  });
});
