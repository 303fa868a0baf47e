/**
 * Stand-alone normalisation: batch, group, instance or layer (heliaEDGE: over the spatial axes).
 * Type `none` lowers to nothing.
 */
import { defineLayer } from '../define';
import { normOp } from '../opBuilders';
import { zNormParams } from '../params';

/** The norm node kind. */
export const normLayer = defineLayer({
  kind: 'norm',
  label: 'Norm',
  category: 'regularization',
  description: 'Normalises activations: batch, group, instance or layer norm.',
  color: '#0f766e',
  params: zNormParams,
  paramHelp: {
    type: 'batch | group | instance | layer (over the spatial axes) | none',
    groups: 'GroupNorm groups; empty = min(32, channels)',
    eps: 'added to the variance (PyTorch 1e-5, Keras 1e-3)',
    momentum: 'weight of new batch statistics in the running averages (PyTorch 0.1)',
  },
  inputs: [{ name: 'in', label: 'in' }],
  outputs: [{ name: 'out', label: 'out' }],
  lower(ctx) {
    const shape = ctx.inputs.in;
    const input = ctx.inputOps.in;
    if (!shape || input === undefined) return null;
    const op = normOp(ctx, `${ctx.nodeId}/norm`, input, shape, ctx.params, false);
    return { ops: op ? [op] : [], shape };
  },
});
