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

/** The settings of one convolution. */
export interface ConvSettings {
  readonly id: string;
  readonly input: string;
  readonly outChannels: number;
  readonly kernel: readonly number[];
  readonly stride: readonly number[];
  readonly dilation: readonly number[];
  readonly padding: Padding;
  readonly bias: boolean;
  readonly separable: boolean;
}

/** A conv op on `shape`, or null (after SHAPE_NON_POSITIVE) when the output would be empty. */
export function convOp<K extends LayerKind>(
  ctx: LowerContext<K>,
  shape: Shape,
  s: ConvSettings,
): ConvOp | null {
  // Sized up front: a growing `[]` would reserve room for many more than two axes.
  const spatial = new Array<Dim>(shape.spatial.length);
  for (let axis = 0; axis < shape.spatial.length; axis++) {
    const n = shape.spatial[axis] ?? 1;
    const k = s.kernel[axis] ?? 1;
    const stride = s.stride[axis] ?? 1;
    const d = s.dilation[axis] ?? 1;
    spatial[axis] = convSize(n, k, stride, d, s.padding, axis, ctx.onDivision);
  }
  const out = spatialOut(ctx, shape, s.outChannels, spatial, 'Conv', s.id);
  if (!out) return null;
  return {
    op: 'conv',
    id: s.id,
    nodeId: ctx.nodeId,
    inputs: [s.input],
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
