/**
 * The skip merge: an encoder feature (port `skip`) and a decoder feature (port `up`), aligned per
 * `align`, then concatenated (in `order`) or added.
 */
import { issue } from '../../diagnostics/make';
import type { PrimitiveOp } from '../../lowering/ops';
import { alignSkip } from '../alignSkip';
import { defineLayer } from '../define';
import { zSkipParams } from '../params';

/** The skip merge node kind. */
export const skipLayer = defineLayer({
  kind: 'skip',
  label: 'Skip merge',
  category: 'merge',
  description: 'Joins an encoder feature map with the decoder map of the same level.',
  color: '#9333ea',
  params: zSkipParams,
  paramHelp: {
    merge: 'concat stacks channels; add sums (channels must match)',
    align: 'when sizes differ: crop the skip, pad or resize the decoder map, or none',
    order: 'which map comes first in the concatenation',
  },
  inputs: [
    { name: 'skip', label: 'skip' },
    { name: 'up', label: 'up' },
  ],
  outputs: [{ name: 'out', label: 'out' }],
  lower(ctx) {
    const skip = ctx.inputs.skip;
    const up = ctx.inputs.up;
    if (!skip || !up || ctx.inputOps.skip === undefined || ctx.inputOps.up === undefined)
      return null;
    const { merge, order } = ctx.params;
    if (merge === 'add' && skip.channels !== up.channels) {
      ctx.report(
        issue(
          'CHANNEL_MISMATCH',
          `Add merge needs equal channels but the skip has ${skip.channels} and the decoder map ${up.channels}: use concat, or match the upsampling filters.`,
          {
            label: 'Use concat',
            edits: [{ op: 'setParams', nodeId: ctx.nodeId, params: { merge: 'concat' } }],
          },
        ),
      );
      return null;
    }
    const aligned = alignSkip(ctx, skip, up);
    if (!aligned) return null;
    const spatial = aligned.skip.shape.spatial;
    const channels = merge === 'add' ? skip.channels : skip.channels + up.channels;
    const shape = { channels, spatial };
    const inputs =
      order === 'skip-first' ? [aligned.skip.op, aligned.up.op] : [aligned.up.op, aligned.skip.op];
    const op: PrimitiveOp =
      merge === 'add'
        ? { op: 'add', id: `${ctx.nodeId}/add`, nodeId: ctx.nodeId, inputs, shape }
        : { op: 'concat', id: `${ctx.nodeId}/concat`, nodeId: ctx.nodeId, inputs, shape };
    return { ops: aligned.ops.length === 0 ? [op] : [...aligned.ops, op], shape };
  },
});
