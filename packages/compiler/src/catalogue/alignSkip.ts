/**
 * Reconciles the spatial sizes of a skip merge's two maps, per the node's `align` policy: crop the
 * skip (begin floor(diff / 2)), zero-pad the decoder map (before floor(diff / 2), after the rest),
 * or resize the decoder map (bilinear, half-pixel). Ops are emitted only when the sizes differ.
 */
import { issue } from '../diagnostics/make';
import type { Fix } from '../diagnostics/types';
import type { PrimitiveOp } from '../lowering/ops';
import { isConcrete } from '../shape/dim';
import { dimSub } from '../shape/dimMath';
import { formatShape } from '../shape/shapeOps';
import type { Shape } from '../shape/shape';
import type { LowerContext } from './types';

/** The two maps after alignment: the op ids and shapes to merge, plus the ops that aligned them. */
export interface Aligned {
  readonly ops: readonly PrimitiveOp[];
  readonly skip: { readonly op: string; readonly shape: Shape };
  readonly up: { readonly op: string; readonly shape: Shape };
}

const alignFix = (ctx: LowerContext<'skip'>, align: 'crop' | 'pad' | 'resize'): Fix => ({
  label: `Set align to ${align}`,
  edits: [{ op: 'setParams', nodeId: ctx.nodeId, params: { align } }],
});

const NO_OPS: readonly PrimitiveOp[] = [];

/** True when an axis is at least twice as large in one map as in the other, or grows differently. */
function farApart(skip: Shape, up: Shape): boolean {
  return skip.spatial.some((d, i) => {
    const u = up.spatial[i];
    if (u === undefined) return false;
    if (!isConcrete(d) || !isConcrete(u)) return dimSub(d, u) === null;
    return d >= 2 * u || u >= 2 * d;
  });
}

/** True when both maps certainly have the same spatial sizes (the common case: nothing to align). */
function sameSizes(skip: Shape, up: Shape): boolean {
  if (skip.spatial === up.spatial) return true;
  if (skip.spatial.length !== up.spatial.length) return false;
  for (let i = 0; i < skip.spatial.length; i++) {
    if (dimSub(skip.spatial[i] ?? 0, up.spatial[i] ?? 0) !== 0) return false;
  }
  return true;
}

/** Aligns the maps on ports `skip` and `up`, or reports why it cannot and returns null. */
export function alignSkip(ctx: LowerContext<'skip'>, skip: Shape, up: Shape): Aligned | null {
  const skipOp = ctx.inputOps.skip ?? '';
  const upOp = ctx.inputOps.up ?? '';
  if (sameSizes(skip, up))
    return { ops: NO_OPS, skip: { op: skipOp, shape: skip }, up: { op: upOp, shape: up } };
  const diffs = skip.spatial.map((d, i) => {
    const u = up.spatial[i];
    return u === undefined ? null : dimSub(d, u);
  });
  const same = { ops: [], skip: { op: skipOp, shape: skip }, up: { op: upOp, shape: up } };
  if (diffs.every((d) => d === 0)) return same;
  const sizes = `the skip map is ${formatShape(skip)} and the decoder map ${formatShape(up)}`;
  const known = diffs.every((d): d is number => d !== null);
  const align = ctx.params.align;
  if (align === 'none' || (!known && align !== 'resize')) {
    const skipLarger = known && diffs.every((d) => d >= 0);
    const fix = skipLarger ? (ctx.validPadding ? 'crop' : 'pad') : 'resize';
    const why = known ? '' : ' by an amount that depends on the input size';
    const levels = farApart(skip, up)
      ? ' They look like different levels: check that the skip comes from the encoder level at the decoder map’s resolution.'
      : '';
    ctx.report(
      issue(
        'SKIP_SIZE_MISMATCH',
        `The maps differ${why}: ${sizes}. Set align to ${fix}${align === 'none' ? '' : ' (crop and pad need a fixed difference)'}, or change the input size.${levels}`,
        alignFix(ctx, fix),
      ),
    );
    return null;
  }
  if (align === 'resize') {
    const shape = { channels: up.channels, spatial: skip.spatial };
    const op: PrimitiveOp = {
      op: 'resize',
      id: `${ctx.nodeId}/resize`,
      nodeId: ctx.nodeId,
      inputs: [upOp],
      shape,
    };
    return { ...same, ops: [op], up: { op: op.id, shape } };
  }
  const amounts = diffs.map((d) => Math.floor(d ?? 0));
  if (align === 'crop') {
    if (amounts.some((d) => d < 0)) {
      ctx.report(
        issue(
          'SKIP_CROP_NEGATIVE',
          `Crop needs the skip map to be at least as large, but ${sizes}. Resize the decoder map instead.`,
          alignFix(ctx, 'resize'),
        ),
      );
      return null;
    }
    const shape = { channels: skip.channels, spatial: up.spatial };
    const begin = amounts.map((d) => Math.floor(d / 2));
    const op: PrimitiveOp = {
      op: 'crop',
      id: `${ctx.nodeId}/crop`,
      nodeId: ctx.nodeId,
      inputs: [skipOp],
      shape,
      begin,
    };
    return { ...same, ops: [op], skip: { op: op.id, shape } };
  }
  if (amounts.some((d) => d < 0)) {
    ctx.report(
      issue(
        'SKIP_PAD_NEGATIVE',
        `Pad needs the decoder map to be at most as large, but ${sizes}. Crop the skip or resize instead.`,
        alignFix(ctx, 'resize'),
      ),
    );
    return null;
  }
  const shape = { channels: up.channels, spatial: skip.spatial };
  const before = amounts.map((d) => Math.floor(d / 2));
  const after = amounts.map((d, i) => d - (before[i] ?? 0));
  const op: PrimitiveOp = {
    op: 'pad',
    id: `${ctx.nodeId}/pad`,
    nodeId: ctx.nodeId,
    inputs: [upOp],
    shape,
    before,
    after,
  };
  return { ...same, ops: [op], up: { op: op.id, shape } };
}
