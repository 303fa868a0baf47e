/**
 * Reading spatial parameters (kernel, stride, window, dilation, factor) for a design's
 * dimensionality: an integer applies to every axis, an array gives one value per axis. A 1D design
 * also takes heliaEDGE's `[1, k]`, normalised to `[k]`.
 */
import { issue } from '../diagnostics/make';
import type { SpatialInt } from './common';
import type { LayerKind } from './params';
import type { LowerContext } from './types';

/** The axis names of a design: `H`, `W` in 2D and `L` in 1D. */
export const AXIS_NAMES = { 1: ['L'], 2: ['H', 'W'] } as const;

/** Shared per-axis arrays for the common values, so lowering allocates fewer of them. */
const COMMON: readonly (readonly number[])[][] = [0, 1, 2].map((dims) =>
  Array.from({ length: 8 }, (_, v) => Object.freeze(Array.from({ length: dims }, () => v))),
);

/** One value per axis (a shared, frozen array for values below 8). */
export function broadcast(value: number, dims: 1 | 2): readonly number[] {
  return COMMON[dims]?.[value] ?? (dims === 1 ? [value] : [value, value]);
}

/**
 * Resolves a spatial parameter to one value per axis, or reports AXIS_1D_FORM / PARAM_DIMS and
 * returns null.
 * @example resolveSpatial(ctx, 'kernel', [1, 5]) // [5] in a 1D design
 */
export function resolveSpatial<K extends LayerKind>(
  ctx: LowerContext<K>,
  name: string,
  value: SpatialInt,
): readonly number[] | null {
  if (typeof value === 'number') return broadcast(value, ctx.dims);
  const [first, second] = value;
  if (first === undefined) return null;
  if (value.length === ctx.dims) return value;
  if (ctx.dims === 1 && second !== undefined) {
    if (first === 1) return [second];
    ctx.report(
      issue(
        'AXIS_1D_FORM',
        `${name} is [${first}, ${second}] in a 1D design: write ${second} or [1, ${second}] (the first entry is the height, which is 1 in 1D).`,
        {
          label: `Set ${name} to ${second}`,
          edits: [{ op: 'setParams', nodeId: ctx.nodeId, params: { [name]: second } }],
        },
      ),
    );
    return null;
  }
  ctx.report(
    issue(
      'PARAM_DIMS',
      `${name} has 1 entry ([${first}]) in a 2D design: give one per axis ([${first}, ${first}]) or write ${first}.`,
      {
        label: `Set ${name} to ${first}`,
        edits: [{ op: 'setParams', nodeId: ctx.nodeId, params: { [name]: first } }],
      },
    ),
  );
  return null;
}
