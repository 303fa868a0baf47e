/**
 * The lowering of a conv block. Op ids: `<node>/conv<d>`, `/norm<d>`, `/act<d>`, `/dropout`,
 * `/proj` and `/add`.
 */
import { issue } from '../diagnostics/make';
import type { PrimitiveOp } from '../lowering/ops';
import { formatShape, shapeEq } from '../shape/shapeOps';
import { convOp } from './convOp';
import { activationOp, normOp } from './opBuilders';
import type { LowerContext, LowerResult } from './types';
import { broadcast, resolveSpatial } from './spatial';

/** Local op ids by conv index, built once. */
const NORM_IDS = Array.from({ length: 16 }, (_, d) => `norm${d}`);

/** Lowers a conv block (see the module header). */
export function lowerConvBlock(ctx: LowerContext<'conv'>): LowerResult {
  const input = ctx.inputs.in;
  const inputOp = ctx.inputOps.in;
  if (!input || inputOp === undefined) return null;
  const p = ctx.params;
  const kernel = resolveSpatial(ctx, 'kernel', p.kernel);
  const stride = resolveSpatial(ctx, 'stride', p.stride);
  const dilation = resolveSpatial(ctx, 'dilation', p.dilation);
  if (!kernel || !stride || !dilation) return null;
  const ones = broadcast(1, ctx.dims);
  const bias = p.bias === 'on' || (p.bias === 'auto' && p.norm.type === 'none');
  const ops: PrimitiveOp[] = [];
  let prev = inputOp;
  let shape = input;
  for (let d = 0; d < p.depth; d++) {
    const dil = p.dilationGrowth === 'constant' ? dilation : dilation.map((r) => r ** d);
    const st = d === 0 ? stride : ones;
    if (st.some((s) => s > 1) && dil.some((r) => r > 1)) {
      ctx.report(
        issue(
          'DILATION_WITH_STRIDE',
          `Conv ${d} has stride ${st.join('×')} and dilation ${dil.join('×')}: TensorFlow allows only one of them above 1. Downsample with a pool instead, or set the dilation to 1.`,
          {
            label: 'Set dilation to 1',
            edits: [{ op: 'setParams', nodeId: ctx.nodeId, params: { dilation: 1 } }],
          },
        ),
      );
      return null;
    }
    const conv = convOp(ctx, shape, {
      id: `${ctx.nodeId}/conv${d}`,
      input: prev,
      outChannels: p.filters,
      kernel,
      stride: st,
      dilation: dil,
      padding: p.padding,
      bias,
      separable: p.separable,
    });
    if (!conv) return null;
    ops.push(conv);
    shape = conv.shape;
    prev = conv.id;
    const norm = normOp(ctx, NORM_IDS[d] ?? `norm${d}`, prev, shape, p.norm, true);
    if (norm) ops.push(norm);
    prev = norm?.id ?? prev;
    const { type, alpha } = p.activation;
    const act =
      type === 'none'
        ? null
        : activationOp(`${ctx.nodeId}/act${d}`, ctx.nodeId, prev, shape, type, alpha);
    if (act) ops.push(act);
    prev = act?.id ?? prev;
  }
  if (p.dropout > 0) {
    const id = `${ctx.nodeId}/dropout`;
    ops.push({
      op: 'dropout',
      id,
      nodeId: ctx.nodeId,
      inputs: [prev],
      shape,
      rate: p.dropout,
      spatial: false,
    });
    prev = id;
  }
  if (!p.residual) return { ops, shape };
  const proj = convOp(ctx, input, {
    id: `${ctx.nodeId}/proj`,
    input: inputOp,
    outChannels: p.filters,
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
  const add = {
    op: 'add',
    id: `${ctx.nodeId}/add`,
    nodeId: ctx.nodeId,
    inputs: [prev, proj.id],
    shape,
  } as const;
  ops.push(proj, add);
  return { ops, shape };
}
