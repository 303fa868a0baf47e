/**
 * Element-wise sum of two same-shaped tensors (ports `a` and `b`).
 */
import { issue } from '../../diagnostics/make';
import { formatShape, spatialEq } from '../../shape/shapeOps';
import { defineLayer } from '../define';
import { zAddParams } from '../params';

/** The add node kind. */
export const addLayer = defineLayer({
  kind: 'add',
  label: 'Add',
  category: 'merge',
  description: 'Adds two tensors of the same shape (a residual connection).',
  color: '#7c3aed',
  params: zAddParams,
  paramHelp: {},
  inputs: [
    { name: 'a', label: 'a' },
    { name: 'b', label: 'b' },
  ],
  outputs: [{ name: 'out', label: 'out' }],
  lower(ctx) {
    const a = ctx.inputs.a;
    const b = ctx.inputs.b;
    const inA = ctx.inputOps.a;
    const inB = ctx.inputOps.b;
    if (!a || !b || inA === undefined || inB === undefined) return null;
    if (a.channels !== b.channels) {
      ctx.report(
        issue(
          'CHANNEL_MISMATCH',
          `Add needs equal channels but gets ${a.channels} (a) and ${b.channels} (b): change one branch's filters.`,
        ),
      );
      return null;
    }
    if (!spatialEq(a, b)) {
      ctx.report(
        issue(
          'SHAPE_MISMATCH',
          `Add needs equal shapes but gets ${formatShape(a)} (a) and ${formatShape(b)} (b): use same padding or matching strides on both branches.`,
        ),
      );
      return null;
    }
    const id = `${ctx.nodeId}/add`;
    return { ops: [{ op: 'add', id, nodeId: ctx.nodeId, inputs: [inA, inB], shape: a }], shape: a };
  },
});
