/**
 * Small helpers for spatial parameters (`k` or `[k]` / `[kh, kw]`) as the exporters compare them.
 */
import type { SpatialInt } from '../catalogue/common';

/** The per-axis values of a spatial parameter (an integer stands for every axis). */
export function spatialValues(value: SpatialInt): readonly number[] {
  return typeof value === 'number' ? [value] : value;
}

/** True when every axis of `value` equals `k`. */
export function spatialIs(value: SpatialInt, k: number): boolean {
  return spatialValues(value).every((v) => v === k);
}

/** Writes a spatial value for messages: `5` or `3×5`. */
export function describeSpatial(value: SpatialInt): string {
  return spatialValues(value).join('×');
}
