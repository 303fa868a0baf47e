/**
 * Builds a conv op with its output shape: the one place conv blocks, upsampling convs, residual
 * projections and the output head get their convolutions from.
 */
import type { ConvOp } from '../lowering/ops';
import { convSize } from '../shape/sizeRules';
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
  const out = spatialOut(ctx, shape, s.outChannels, `Conv ${s.id}`, (n, axis) =>
    convSize(
      n,
      s.kernel[axis] ?? 1,
      s.stride[axis] ?? 1,
      s.dilation[axis] ?? 1,
      s.padding,
      axis,
      ctx.onDivision,
    ),
  );
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
