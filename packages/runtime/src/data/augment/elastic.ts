/**
 * The elastic deformation of the U-Net paper (Ronneberger et al. 2015, section 3.1): random
 * displacement vectors on a coarse 3×3 grid, drawn from a Gaussian with a standard deviation of
 * 10 pixels, and per-pixel displacements by bicubic interpolation of that grid.
 *
 * The grid nodes sit at the image's corners, edge midpoints and centre; interpolation is cubic
 * convolution (Keys, a = −0.5) with the grid extended linearly past its edge nodes, so the field
 * passes exactly through the drawn vectors.
 */
import type { Random } from '../random';

/** Nodes per axis of the displacement grid. */
export const ELASTIC_GRID = 3;

/** The cubic convolution kernel (Keys 1981, a = −0.5). */
export function cubicWeight(t: number): number {
  const a = -0.5;
  const x = Math.abs(t);
  if (x <= 1) return (a + 2) * x ** 3 - (a + 3) * x ** 2 + 1;
  if (x < 2) return a * x ** 3 - 5 * a * x ** 2 + 8 * a * x - 4 * a;
  return 0;
}

/** Node `k` of `nodes`, extended linearly past both ends (Keys' boundary condition). */
function extended(nodes: ArrayLike<number>, k: number, n: number): number {
  if (k < 0) return 2 * nodes[0]! - nodes[Math.min(1, n - 1)]!;
  if (k >= n) return 2 * nodes[n - 1]! - nodes[Math.max(0, n - 2)]!;
  return nodes[k]!;
}

/**
 * Interpolates `nodes` (values at 0, 1, …, n − 1) at position `t` by cubic convolution, the nodes
 * extended linearly past the ends, so linear ramps are reproduced exactly.
 */
export function cubicInterpolate(nodes: ArrayLike<number>, t: number): number {
  const n = nodes.length;
  const i = Math.floor(t);
  let sum = 0;
  for (let k = i - 1; k <= i + 2; k++) {
    const w = cubicWeight(t - k);
    if (w !== 0) sum += w * extended(nodes, k, n);
  }
  return sum;
}

/** A dense displacement field, one vector per pixel (row-major). */
export interface DisplacementField {
  readonly dx: Float32Array;
  readonly dy: Float32Array;
  /** The drawn grid vectors, row-major over the 3×3 nodes. */
  readonly gridDx: Float32Array;
  readonly gridDy: Float32Array;
}

/** Bicubic interpolation of a 3×3 grid of values to `height × width` pixels. */
export function interpolateGrid(grid: Float32Array, height: number, width: number): Float32Array {
  const g = ELASTIC_GRID;
  const out = new Float32Array(height * width);
  // Interpolate along x for each grid row once per column, then along y per pixel.
  const rows = new Float32Array(g * width);
  const stepX = width > 1 ? (width - 1) / (g - 1) : 1;
  const stepY = height > 1 ? (height - 1) / (g - 1) : 1;
  for (let r = 0; r < g; r++) {
    const nodes = grid.subarray(r * g, (r + 1) * g);
    for (let x = 0; x < width; x++) rows[r * width + x] = cubicInterpolate(nodes, x / stepX);
  }
  const column = new Float32Array(g);
  for (let x = 0; x < width; x++) {
    for (let r = 0; r < g; r++) column[r] = rows[r * width + x]!;
    for (let y = 0; y < height; y++) out[y * width + x] = cubicInterpolate(column, y / stepY);
  }
  return out;
}

/**
 * Draws one elastic deformation for a `height × width` image.
 *
 * @param sigma - Standard deviation of the grid displacements, in pixels (the paper: 10).
 */
export function drawElasticField(
  rng: Random,
  height: number,
  width: number,
  sigma: number,
): DisplacementField {
  const n = ELASTIC_GRID * ELASTIC_GRID;
  const gridDx = new Float32Array(n);
  const gridDy = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    gridDx[i] = rng.normal() * sigma;
    gridDy[i] = rng.normal() * sigma;
  }
  return {
    dx: interpolateGrid(gridDx, height, width),
    dy: interpolateGrid(gridDy, height, width),
    gridDx,
    gridDy,
  };
}
