/**
 * Stand-alone dropout; `spatial` drops whole channels. A rate of 0 lowers to nothing.
 */
import { defineLayer } from '../define';
import { zDropoutParams } from '../params';

/** The dropout node kind. */
export const dropoutLayer = defineLayer({
  kind: 'dropout',
  label: 'Dropout',
  category: 'regularization',
  description: 'Randomly zeroes activations while training (whole channels when spatial).',
  color: '#a16207',
  params: zDropoutParams,
  paramHelp: {
    rate: 'fraction of activations dropped while training (0–0.99)',
    spatial: 'drop whole channels instead of single values',
  },
  inputs: [{ name: 'in', label: 'in' }],
  outputs: [{ name: 'out', label: 'out' }],
  lower(ctx) {
    const shape = ctx.inputs.in;
    const input = ctx.inputOps.in;
    if (!shape || input === undefined) return null;
    if (ctx.params.rate === 0) return { ops: [], shape };
    const { rate, spatial } = ctx.params;
    const id = `${ctx.nodeId}/dropout`;
    return {
      ops: [{ op: 'dropout', id, nodeId: ctx.nodeId, inputs: [input], shape, rate, spatial }],
      shape,
    };
  },
});
