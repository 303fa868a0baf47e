/**
 * Max or average pooling. `stride: null` uses the window. Sizes: `same` ceil(n / s), `valid`
 * floor((n − w) / s) + 1.
 */
import type { PoolOp } from '../../lowering/ops';
import type { Dim } from '../../shape/dim';
import { poolSize } from '../../shape/sizeRules';
import { defineLayer } from '../define';
import { spatialOut } from '../geometry';
import { zPoolParams } from '../params';
import { resolveSpatial } from '../spatial';

/** The pool node kind. */
export const poolLayer = defineLayer({
  kind: 'pool',
  label: 'Pool',
  category: 'sampling',
  description: 'Downsamples by taking the max (or mean) of each window.',
  color: '#0369a1',
  params: zPoolParams,
  paramHelp: {
    mode: 'max or avg',
    window: 'pooling window per axis',
    stride: 'step per axis; empty = the window (no overlap)',
    padding: 'valid floors partial windows away; same keeps ceil(n / stride)',
  },
  inputs: [{ name: 'in', label: 'in' }],
  outputs: [{ name: 'out', label: 'out' }],
  lower(ctx) {
    const input = ctx.inputs.in;
    const inputOp = ctx.inputOps.in;
    if (!input || inputOp === undefined) return null;
    const { mode, padding } = ctx.params;
    const window = resolveSpatial(ctx, 'window', ctx.params.window);
    const stride =
      ctx.params.stride === null ? window : resolveSpatial(ctx, 'stride', ctx.params.stride);
    if (!window || !stride) return null;
    const spatial = new Array<Dim>(input.spatial.length);
    for (let axis = 0; axis < input.spatial.length; axis++) {
      const n = input.spatial[axis] ?? 1;
      const w = window[axis] ?? 1;
      spatial[axis] = poolSize(n, w, stride[axis] ?? 1, padding, axis, ctx.onDivision);
    }
    const shape = spatialOut(ctx, input, input.channels, spatial, 'Pool', ctx.nodeId);
    if (!shape) return null;
    const op: PoolOp = {
      op: 'pool',
      id: `${ctx.nodeId}/pool`,
      nodeId: ctx.nodeId,
      inputs: [inputOp],
      shape,
      mode,
      window,
      stride,
      padding,
    };
    return { ops: [op], shape };
  },
});
