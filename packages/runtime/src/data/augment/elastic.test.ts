import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { cubicInterpolate, drawElasticField, interpolateGrid } from './elastic';

const std = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return { mean: m, std: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length) };
};

describe('elastic deformation', () => {
  it('draws grid displacements with a 10 px standard deviation, as the paper states', () => {
    const rng = createRandom(11);
    const grid: number[] = [];
    const centre: number[] = [];
    for (let i = 0; i < 600; i++) {
      const f = drawElasticField(rng, 33, 33, 10);
      grid.push(...f.gridDx, ...f.gridDy);
      // The centre pixel is a grid node: the field passes through the drawn vector.
      centre.push(f.dx[16 * 33 + 16]!);
      expect(f.dx[16 * 33 + 16]).toBeCloseTo(f.gridDx[4]!, 4);
      expect(f.dy[0]).toBeCloseTo(f.gridDy[0]!, 4);
    }
    const g = std(grid);
    expect(Math.abs(g.mean)).toBeLessThan(0.3);
    expect(g.std).toBeGreaterThan(9.7);
    expect(g.std).toBeLessThan(10.3);
    expect(std(centre).std).toBeGreaterThan(9);
    expect(std(centre).std).toBeLessThan(11);
  });

  it('interpolates bicubically: exact on linear ramps, smooth between nodes', () => {
    expect(cubicInterpolate([0, 1, 2], 0.5)).toBeCloseTo(0.5, 6);
    expect(cubicInterpolate([0, 1, 2], 1.25)).toBeCloseTo(1.25, 6);
    // A peak at the centre node: values fall off smoothly, symmetric, above 0 near the peak.
    const field = interpolateGrid(Float32Array.from([0, 0, 0, 0, 1, 0, 0, 0, 0]), 21, 21);
    expect(field[10 * 21 + 10]).toBeCloseTo(1, 6);
    expect(field[10 * 21 + 5]).toBeCloseTo(field[10 * 21 + 15]!, 6);
    expect(field[10 * 21 + 5]).toBeGreaterThan(0.4);
    expect(field[10 * 21 + 5]).toBeLessThan(0.7);
    let steepest = 0;
    for (let x = 1; x < 21; x++)
      steepest = Math.max(steepest, Math.abs(field[10 * 21 + x]! - field[10 * 21 + x - 1]!));
    expect(steepest).toBeLessThan(0.2);
  });
});
