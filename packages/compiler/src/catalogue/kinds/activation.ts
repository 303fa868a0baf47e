/**
 * Stand-alone activation. Type `none` lowers to nothing.
 */
import { defineLayer } from '../define';
import { activationOp } from '../opBuilders';
import { zActivationParams } from '../params';

/** The activation node kind. */
export const activationLayer = defineLayer({
  kind: 'activation',
  label: 'Activation',
  category: 'activation',
  description: 'An element-wise non-linearity such as ReLU.',
  color: '#be185d',
  params: zActivationParams,
  paramHelp: {
    type: 'relu, relu6, leaky_relu, elu, selu, gelu, sigmoid, tanh or none',
    alpha: 'leaky_relu slope (default 0.01) or elu alpha (default 1)',
  },
  inputs: [{ name: 'in', label: 'in' }],
  outputs: [{ name: 'out', label: 'out' }],
  lower(ctx) {
    const shape = ctx.inputs.in;
    const input = ctx.inputOps.in;
    if (!shape || input === undefined) return null;
    const { type, alpha } = ctx.params;
    const op = activationOp(`${ctx.nodeId}/act`, ctx.nodeId, input, shape, type, alpha);
    return { ops: op ? [op] : [], shape };
  },
});
