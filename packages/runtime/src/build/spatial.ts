/**
 * Spatial helpers of the model builder. Every model is built in 2D: a 1D design runs as 2D with
 * height 1, so a 1D tuple `[k]` becomes `[1, k]` and a length `L` becomes `1 × L`.
 */
import type { Dim, Shape } from '@unet-studio/compiler';

/** Two per-axis integers `[h, w]`. */
export type Pair = [number, number];

/** A per-axis tuple as the 2D pair tfjs takes (`fill` for the height axis of a 1D design). */
export function toPair(values: readonly number[], dims: 1 | 2, fill = 1): Pair {
  const [a, b] = values;
  if (dims === 1 && a !== undefined && values.length === 1) return [fill, a];
  if (dims === 2 && a !== undefined && b !== undefined && values.length === 2) return [a, b];
  throw new Error(`expected ${dims} spatial value(s), got [${values.join(', ')}]`);
}

/** A concrete size, or null when it depends on an open input size. */
export function concrete(d: Dim): number | null {
  return typeof d === 'number' ? d : null;
}

/** The spatial sizes of a shape as tfjs sees them in the 2D model (`null` = open). */
export function spatial2d(shape: Shape, dims: 1 | 2): [number | null, number | null] {
  const sizes = shape.spatial.map(concrete);
  return dims === 1 ? [1, sizes[0] ?? null] : [sizes[0] ?? null, sizes[1] ?? null];
}

/** A rational `[num, den]` as a number. */
function ratValue([num, den]: readonly [number, number]): number {
  return num / den;
}

/**
 * `x − y` when it does not depend on the open input size (both concrete, or the same symbolic
 * expression up to a constant); null otherwise.
 */
export function dimDifference(x: Dim, y: Dim): number | null {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number' || typeof y === 'number') return null;
  if (x.sym !== y.sym || ratValue(x.a) !== ratValue(y.a)) return null;
  const diff = ratValue(x.b) - ratValue(y.b);
  return Number.isInteger(diff) ? diff : null;
}

/** True when two sizes are certainly equal (open sizes compare by their expression). */
export function sameDim(x: Dim, y: Dim): boolean {
  return dimDifference(x, y) === 0 && (typeof x === 'number') === (typeof y === 'number');
}

/** A shape written channels-first like the canvas shows it, e.g. `64×284×284` or `8×?×32`. */
export function formatShape(channels: number | null, sizes: readonly (number | null)[]): string {
  return [channels, ...sizes].map((v) => (v === null ? '?' : String(v))).join('×');
}
