/**
 * Builds a conv op with its output shape: the one place conv blocks, upsampling convs, residual
 * projections and the output head get their convolutions from.
 */
import type { ConvOp } from '../lowering/ops';
import { convSize } from '../shape/sizeRules';
import type { Dim } from '../shape/dim';
import type { Shape } from '../shape/shape';
import type { Padding } from './common';
import { spatialOut } from './geometry';
import type { LayerKind } from './params';
import type { LowerContext } from './types';

/** The settings of a convolution (a conv block shares one object between its convs). */
export interface ConvSettings {
  readonly outChannels: number;
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly dilation: readonly number[];
  readonly padding: Padding;
  readonly bias: boolean;
  readonly separable: boolean;
}

/**
 * The output sizes of a convolution on `spatial`: the same array when no size changes (same
 * padding and stride 1, the common case), so the ops of a block share one.
 */
function convSpatial<K extends LayerKind>(
  ctx: LowerContext<K>,
  spatial: readonly Dim[],
  s: ConvSettings,
): readonly Dim[] {
  let out: Dim[] | null = null;
  for (let axis = 0; axis < spatial.length; axis++) {
    const n = spatial[axis] ?? 1;
    const k = s.kernel[axis] ?? 1;
    const stride = s.stride[axis] ?? 1;
    const d = s.dilation[axis] ?? 1;
    const size = convSize(n, k, stride, d, s.padding, axis, ctx.onDivision);
    if (out === null && size !== n) out = spatial.slice(0, axis);
    if (out !== null) out[axis] = size;
  }
  return out ?? spatial;
}

/**
 * A conv op `id` reading the tensor `input` of `shape`, or null (after SHAPE_NON_POSITIVE) when
 * the output would be empty.
 */
export function convOp<K extends LayerKind>(
  ctx: LowerContext<K>,
  shape: Shape,
  id: string,
  input: string,
  s: ConvSettings,
): ConvOp | null {
  const out = spatialOut(ctx, shape, s.outChannels, convSpatial(ctx, shape.spatial, s), 'Conv', id);
  if (!out) return null;
  return {
    op: 'conv',
    id,
    nodeId: ctx.nodeId,
    inputs: [input],
    shape: out,
    inChannels: shape.channels,
    outChannels: s.outChannels,
    kernel: s.kernel,
    stride: s.stride,
    dilation: s.dilation,
    padding: s.padding,
    bias: s.bias,
    separable: s.separable,
  };
}
