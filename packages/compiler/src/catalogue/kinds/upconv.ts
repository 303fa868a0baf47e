/**
 * Upsampling: a transposed conv (`convT` op), or nearest/bilinear interpolation (`upsample` op)
 * optionally followed by a same-padded conv (`conv` op).
 */
import { issue } from '../../diagnostics/make';
import type { ConvTransposeOp, PrimitiveOp, UpsampleOp } from '../../lowering/ops';
import type { Dim } from '../../shape/dim';
import { convTransposeSize, upsampleSize } from '../../shape/sizeRules';
import { convOp } from '../convOp';
import { defineLayer } from '../define';
import { zUpconvParams } from '../params';
import { broadcast, resolveSpatial } from '../spatial';

/** The upsampling node kind. */
export const upconvLayer = defineLayer({
  kind: 'upconv',
  label: 'Upsample',
  category: 'sampling',
  description: 'Upsamples by a transposed conv, or by interpolation and an optional conv.',
  color: '#0891b2',
  params: zUpconvParams,
  paramHelp: {
    mode: 'transposed conv, or nearest/bilinear interpolation',
    factor: 'upsampling factor per axis',
    kernel: 'transposed conv kernel (empty = factor) or post-interpolation conv kernel (empty = 1)',
    filters: 'output channels; empty keeps the input channels',
    padding: 'transposed conv padding: same gives n·factor',
    bias: 'conv bias',
    conv: 'interpolation only: add a conv after upsampling',
    alignCorners: 'bilinear only: align corner pixels (PyTorch align_corners)',
  },
  inputs: [{ name: 'in', label: 'in' }],
  outputs: [{ name: 'out', label: 'out' }],
  lower(ctx) {
    const input = ctx.inputs.in;
    const inputOp = ctx.inputOps.in;
    if (!input || inputOp === undefined) return null;
    const p = ctx.params;
    const factor = resolveSpatial(ctx, 'factor', p.factor);
    if (!factor) return null;
    if (p.mode === 'transposed') {
      const kernel = p.kernel === null ? factor : resolveSpatial(ctx, 'kernel', p.kernel);
      if (!kernel) return null;
      const outChannels = p.filters ?? input.channels;
      const spatial = new Array<Dim>(input.spatial.length);
      for (let i = 0; i < spatial.length; i++) {
        const n = input.spatial[i] ?? 1;
        spatial[i] = convTransposeSize(n, kernel[i] ?? 1, factor[i] ?? 1, p.padding);
      }
      const shape = { channels: outChannels, spatial };
      const op: ConvTransposeOp = {
        op: 'convTranspose',
        id: `${ctx.nodeId}/convT`,
        nodeId: ctx.nodeId,
        inputs: [inputOp],
        shape,
        inChannels: input.channels,
        outChannels,
        kernel,
        stride: factor,
        padding: p.padding,
        bias: p.bias,
      };
      return { ops: [op], shape };
    }
    if (!p.conv && p.filters !== null && p.filters !== input.channels) {
      ctx.report(
        issue(
          'CHANNEL_MISMATCH',
          `Interpolation keeps the ${input.channels} input channels, but filters is ${p.filters}: add a conv after upsampling, or clear filters.`,
          {
            label: 'Add a conv after upsampling',
            edits: [{ op: 'setParams', nodeId: ctx.nodeId, params: { conv: true } }],
          },
        ),
      );
      return null;
    }
    const spatial = new Array<Dim>(input.spatial.length);
    for (let i = 0; i < spatial.length; i++) {
      spatial[i] = upsampleSize(input.spatial[i] ?? 1, factor[i] ?? 1);
    }
    const upShape = { channels: input.channels, spatial };
    const up: UpsampleOp = {
      op: 'upsample',
      id: `${ctx.nodeId}/upsample`,
      nodeId: ctx.nodeId,
      inputs: [inputOp],
      shape: upShape,
      mode: p.mode,
      factor,
      alignCorners: p.mode === 'bilinear' && p.alignCorners,
    };
    const ops: PrimitiveOp[] = [up];
    if (!p.conv) return { ops, shape: upShape };
    const kernel =
      p.kernel === null ? broadcast(1, ctx.dims) : resolveSpatial(ctx, 'kernel', p.kernel);
    if (!kernel) return null;
    const conv = convOp(ctx, upShape, `${ctx.nodeId}/conv`, up.id, {
      outChannels: p.filters ?? input.channels,
      kernel,
      stride: broadcast(1, ctx.dims),
      dilation: broadcast(1, ctx.dims),
      padding: 'same',
      bias: p.bias,
      separable: false,
    });
    if (!conv) return null;
    ops.push(conv);
    return { ops, shape: conv.shape };
  },
});
