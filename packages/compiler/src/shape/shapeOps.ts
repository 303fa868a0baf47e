/**
 * Helpers on feature-map shapes: equality, element counts and display.
 */
import { isConcrete } from './dim';
import { dimEq, formatDim } from './dimMath';
import type { Shape } from './shape';

/** True when two shapes are certainly equal (channels and every spatial size). */
export function shapeEq(x: Shape, y: Shape): boolean {
  return x.channels === y.channels && spatialEq(x, y);
}

/** True when two shapes have certainly equal spatial sizes. */
export function spatialEq(x: Shape, y: Shape): boolean {
  if (x.spatial.length !== y.spatial.length) return false;
  return x.spatial.every((d, i) => {
    const other = y.spatial[i];
    return other !== undefined && dimEq(d, other);
  });
}

/** The number of spatial positions, or `NaN` when a size is open. */
export function spatialElements(shape: Shape): number {
  let n = 1;
  for (let i = 0; i < shape.spatial.length; i++) {
    const d = shape.spatial[i] ?? 1;
    if (!isConcrete(d)) return Number.NaN;
    n *= d;
  }
  return n;
}

/** The number of elements of one sample (channels × spatial), or `NaN` when a size is open. */
export function shapeElements(shape: Shape): number {
  return shape.channels * spatialElements(shape);
}

/**
 * Formats a shape channels-first.
 * @example formatShape({ channels: 64, spatial: [284, 284] }) // '64×284×284'
 */
export function formatShape(shape: Shape): string {
  return [String(shape.channels), ...shape.spatial.map(formatDim)].join('×');
}
