/**
 * The head: an optional conv to `classes` channels (same padding), an optional sigmoid/softmax,
 * and the `output` op marking a model output. Op ids: `/conv`, `/act`, `/output`.
 */
import { issue } from '../../diagnostics/make';
import type { PrimitiveOp } from '../../lowering/ops';
import { convOp } from '../convOp';
import { defineLayer } from '../define';
import { activationOp } from '../opBuilders';
import { zOutputParams } from '../params';
import { broadcast, resolveSpatial } from '../spatial';

/** The output node kind. */
export const outputLayer = defineLayer({
  kind: 'output',
  label: 'Output',
  category: 'io',
  description: 'The segmentation head: a conv to one channel per class, then sigmoid or softmax.',
  color: '#475569',
  params: zOutputParams,
  paramHelp: {
    classes: 'output channels: 1 for a binary mask (sigmoid), one per class for softmax',
    conv: 'add the head conv (off: pass the input through)',
    kernel: 'head conv kernel per axis',
    bias: 'head conv bias',
    activation: 'none (logits), sigmoid or softmax over the channels',
  },
  inputs: [{ name: 'in', label: 'in' }],
  // The model ends here: nothing may take the head's result, so the node offers no output port.
  outputs: [],
  lower(ctx) {
    const input = ctx.inputs.in;
    const inputOp = ctx.inputOps.in;
    if (!input || inputOp === undefined) return null;
    const p = ctx.params;
    const ops: PrimitiveOp[] = [];
    let shape = input;
    let prev = inputOp;
    if (p.conv) {
      const kernel = resolveSpatial(ctx, 'kernel', p.kernel);
      if (!kernel) return null;
      const conv = convOp(ctx, input, `${ctx.nodeId}/conv`, inputOp, {
        outChannels: p.classes,
        kernel,
        stride: broadcast(1, ctx.dims),
        dilation: broadcast(1, ctx.dims),
        padding: 'same',
        bias: p.bias,
        separable: false,
      });
      if (!conv) return null;
      ops.push(conv);
      shape = conv.shape;
      prev = conv.id;
    }
    if (p.activation === 'softmax' && shape.channels === 1) {
      ctx.report(
        issue(
          'SOFTMAX_ONE_CLASS',
          'Softmax over a single channel always outputs 1: use sigmoid for a binary mask, or set classes to 2 or more.',
          {
            label: 'Use sigmoid',
            edits: [{ op: 'setParams', nodeId: ctx.nodeId, params: { activation: 'sigmoid' } }],
          },
        ),
      );
    }
    const act = activationOp(`${ctx.nodeId}/act`, ctx.nodeId, prev, shape, p.activation, null);
    if (act) ops.push(act);
    prev = act?.id ?? prev;
    ops.push({
      op: 'output',
      id: `${ctx.nodeId}/output`,
      nodeId: ctx.nodeId,
      inputs: [prev],
      shape,
    });
    return { ops, shape };
  },
});
