/**
 * The lowering of a conv block. Op ids: `<node>/conv<d>`, `/norm<d>`, `/act<d>`, `/dropout`,
 * `/proj` and `/add`.
 */
import { issue } from '../diagnostics/make';
import type { AddOp, ConvOp, PrimitiveOp } from '../lowering/ops';
import type { Shape } from '../shape/shape';
import { formatShape, shapeEq } from '../shape/shapeOps';
import { convOp, type ConvSettings } from './convOp';
import { activationOp, normOp } from './opBuilders';
import type { LowerContext, LowerResult } from './types';
import { broadcast, resolveSpatial } from './spatial';

/** Op id suffixes by conv index, built once (ids are the node id plus a suffix). */
const suffixes = (name: string): readonly string[] =>
  Array.from({ length: 16 }, (_, d) => `/${name}${d}`);
const CONV_IDS = suffixes('conv');
const NORM_IDS = suffixes('norm');
const ACT_IDS = suffixes('act');

/** True when some entry is above 1. */
function anyAbove1(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) if ((values[i] ?? 1) > 1) return true;
  return false;
}

/** The dilation of conv `d`: the block's, or its d-th power with exponential growth. */
function dilationAt(
  growth: 'constant' | 'exponential',
  dilation: readonly number[],
  d: number,
): readonly number[] {
  return growth === 'constant' ? dilation : dilation.map((r) => r ** d);
}

/** Lowers a conv block (see the module header). */
export function lowerConvBlock(ctx: LowerContext<'conv'>): LowerResult {
  const input = ctx.inputs.in;
  const inputOp = ctx.inputOps.in;
  if (!input || inputOp === undefined) return null;
  const p = ctx.params;
  const id = ctx.nodeId;
  const kernel = resolveSpatial(ctx, 'kernel', p.kernel);
  const stride = resolveSpatial(ctx, 'stride', p.stride);
  const dilation = resolveSpatial(ctx, 'dilation', p.dilation);
  if (!kernel || !stride || !dilation) return null;
  const ones = broadcast(1, ctx.dims);
  const bias = p.bias === 'on' || (p.bias === 'auto' && p.norm.type === 'none');
  const { type, alpha } = p.activation;
  const perConv = 1 + (p.norm.type === 'none' ? 0 : 1) + (type === 'none' ? 0 : 1);
  // Sized once: the list is part of the result, so it should not carry a growth margin.
  const ops = new Array<PrimitiveOp>(
    p.depth * perConv + (p.dropout > 0 ? 1 : 0) + (p.residual ? 2 : 0),
  );
  let at = 0;
  let prev = inputOp;
  let shape = input;
  // The first conv has the block's stride, the others stride 1: with stride 1 and constant
  // dilation, every conv of the block shares one settings object.
  let settings: ConvSettings = {
    outChannels: p.filters,
    kernel,
    stride,
    dilation: dilationAt(p.dilationGrowth, dilation, 0),
    padding: p.padding,
    bias,
    separable: p.separable,
  };
  for (let d = 0; d < p.depth; d++) {
    const exponential = p.dilationGrowth !== 'constant';
    if ((d === 1 && (exponential || anyAbove1(stride))) || (d > 1 && exponential)) {
      settings = {
        outChannels: p.filters,
        kernel,
        stride: ones,
        dilation: dilationAt(p.dilationGrowth, dilation, d),
        padding: p.padding,
        bias,
        separable: p.separable,
      };
    }
    if (anyAbove1(settings.stride) && anyAbove1(settings.dilation)) {
      const st = settings.stride.join('×');
      ctx.report(
        issue(
          'DILATION_WITH_STRIDE',
          `Conv ${d} has stride ${st} and dilation ${settings.dilation.join('×')}: TensorFlow allows only one of them above 1. Downsample with a pool instead, or set the dilation to 1.`,
          {
            label: 'Set dilation to 1',
            edits: [{ op: 'setParams', nodeId: id, params: { dilation: 1 } }],
          },
        ),
      );
      return null;
    }
    const conv = convOp(ctx, shape, id + (CONV_IDS[d] ?? `/conv${d}`), prev, settings);
    if (!conv) return null;
    ops[at++] = conv;
    shape = conv.shape;
    prev = conv.id;
    const norm = normOp(ctx, id + (NORM_IDS[d] ?? `/norm${d}`), prev, shape, p.norm, true);
    if (norm) ops[at++] = norm;
    prev = norm?.id ?? prev;
    const act =
      type === 'none'
        ? null
        : activationOp(id + (ACT_IDS[d] ?? `/act${d}`), id, prev, shape, type, alpha);
    if (act) ops[at++] = act;
    prev = act?.id ?? prev;
  }
  if (p.dropout > 0) {
    const dropoutId = `${id}/dropout`;
    ops[at++] = {
      op: 'dropout',
      id: dropoutId,
      nodeId: id,
      inputs: [prev],
      shape,
      rate: p.dropout,
      spatial: false,
    };
    prev = dropoutId;
  }
  if (!p.residual) return { ops, shape };
  const sum = residual(ctx, prev, shape, stride);
  if (!sum) return null;
  ops[at++] = sum[0];
  ops[at++] = sum[1];
  return { ops, shape };
}

/**
 * The residual projection of the block input and its sum with the block output `prev` (see the
 * module header), or null after SHAPE_MISMATCH.
 */
function residual(
  ctx: LowerContext<'conv'>,
  prev: string,
  shape: Shape,
  stride: readonly number[],
): readonly [ConvOp, AddOp] | null {
  const input = ctx.inputs.in;
  const inputOp = ctx.inputOps.in;
  if (!input || inputOp === undefined) return null;
  const ones = broadcast(1, ctx.dims);
  const proj = convOp(ctx, input, `${ctx.nodeId}/proj`, inputOp, {
    outChannels: ctx.params.filters,
    kernel: ones,
    stride,
    dilation: ones,
    padding: 'same',
    bias: true,
    separable: false,
  });
  if (!proj) return null;
  if (!shapeEq(proj.shape, shape)) {
    ctx.report(
      issue(
        'SHAPE_MISMATCH',
        `The residual projection gives ${formatShape(proj.shape)} but the block gives ${formatShape(shape)}: residual blocks need same padding.`,
        {
          label: 'Use same padding',
          edits: [{ op: 'setParams', nodeId: ctx.nodeId, params: { padding: 'same' } }],
        },
      ),
    );
    return null;
  }
  const add: AddOp = {
    op: 'add',
    id: `${ctx.nodeId}/add`,
    nodeId: ctx.nodeId,
    inputs: [prev, proj.id],
    shape,
  };
  return [proj, add];
}
