/**
 * Builders for the norm and activation ops that conv blocks, stand-alone norm and activation nodes
 * and the output head share.
 */
import { issue } from '../diagnostics/make';
import type { Fix } from '../diagnostics/types';
import type { ActivationOp, NormOp } from '../lowering/ops';
import type { Shape } from '../shape/shape';
import type { ActivationType, NormSpec } from './common';
import type { LayerKind } from './params';
import type { LowerContext } from './types';

/** The resolved alpha: leaky_relu's slope defaults to 0.01 (PyTorch), elu's alpha to 1, others 0. */
export function resolveAlpha(type: ActivationType | 'softmax', alpha: number | null): number {
  if (alpha !== null) return alpha;
  if (type === 'leaky_relu') return 0.01;
  if (type === 'elu') return 1;
  return 0;
}

/** An activation op, or null for `none`. */
export function activationOp(
  id: string,
  nodeId: string,
  input: string,
  shape: Shape,
  type: ActivationType | 'softmax',
  alpha: number | null,
): ActivationOp | null {
  if (type === 'none') return null;
  return {
    op: 'activation',
    id,
    nodeId,
    inputs: [input],
    shape,
    activation: type,
    alpha: resolveAlpha(type, alpha),
  };
}

/** The largest divisor of `channels` that is at most `limit`. */
export function largestDivisor(channels: number, limit: number): number {
  for (let g = Math.min(limit, channels); g > 1; g--) if (channels % g === 0) return g;
  return 1;
}

/**
 * The fix for GroupNorm groups: the whole `norm` object of a conv block (`setParams` merges
 * shallowly), or `groups` of a stand-alone norm node.
 */
function groupsFix(nodeId: string, spec: NormSpec, groups: number, inBlock: boolean): Fix {
  const params = inBlock ? { norm: { ...spec, groups } } : { groups };
  return { label: `Use ${groups} groups`, edits: [{ op: 'setParams', nodeId, params }] };
}

/**
 * A norm op with id `id`, or null for `none`. GroupNorm groups default to min(32, C);
 * when they do not divide C, reports GROUPNORM_DIVISIBILITY with a fix to the largest divisor of C
 * that is at most 32. `inBlock` tells whether `spec` is a conv block's `norm` param.
 */
export function normOp<K extends LayerKind>(
  ctx: LowerContext<K>,
  id: string,
  input: string,
  shape: Shape,
  spec: NormSpec,
  inBlock: boolean,
): NormOp | null {
  if (spec.type === 'none') return null;
  const channels = shape.channels;
  let groups = 1;
  if (spec.type === 'group') {
    groups = spec.groups ?? Math.min(32, channels);
    if (channels % groups !== 0) {
      const fixed = largestDivisor(channels, 32);
      ctx.report(
        issue(
          'GROUPNORM_DIVISIBILITY',
          `GroupNorm with ${groups} groups cannot split ${channels} channels evenly: use ${fixed} groups, or a channel count divisible by ${groups}.`,
          groupsFix(ctx.nodeId, spec, fixed, inBlock),
        ),
      );
    }
  }
  return {
    op: 'norm',
    id,
    nodeId: ctx.nodeId,
    inputs: [input],
    shape,
    norm: spec.type,
    channels,
    groups,
    eps: spec.eps,
    momentum: spec.momentum,
  };
}
