/**
 * The network input: `channels` × one size per spatial axis. An open (`null`) size becomes the
 * symbolic size `H`, `W` (2D) or `L` (1D).
 */
import { issue } from '../../diagnostics/make';
import { symDim } from '../../shape/dimMath';
import type { Shape } from '../../shape/shape';
import { defineLayer } from '../define';
import { zInputParams } from '../params';
import { AXIS_NAMES } from '../spatial';

/** The input node kind. */
export const inputLayer = defineLayer({
  kind: 'input',
  label: 'Input',
  category: 'io',
  description: 'The image (2D) or signal (1D) the network reads.',
  color: '#475569',
  params: zInputParams,
  paramHelp: {
    dims: '1 for signals (length), 2 for images (height × width)',
    channels: 'channels of the data: 1 for grey, 3 for RGB',
    size: 'pixels per spatial axis; leave empty to accept any size',
  },
  inputs: [],
  outputs: [{ name: 'out', label: 'out' }],
  lower(ctx) {
    const { dims, channels, size } = ctx.params;
    if (size.length !== dims) {
      const fixed = dims === 1 ? [size[0] ?? null] : [size[0] ?? null, size[1] ?? size[0] ?? null];
      ctx.report(
        issue(
          'PARAM_DIMS',
          `The input is ${dims}D but its size has ${size.length} entries: give ${dims === 1 ? 'one size (length)' : 'two sizes (height, width)'}.`,
          {
            label: `Set the size to [${fixed.join(', ')}]`,
            edits: [{ op: 'setInputSize', size: fixed }],
          },
        ),
      );
      return null;
    }
    const names = AXIS_NAMES[dims];
    const shape: Shape = {
      channels,
      spatial: size.map((s, i) => s ?? symDim(names[i] ?? `S${i}`)),
    };
    const id = `${ctx.nodeId}/input`;
    return { ops: [{ op: 'input', id, nodeId: ctx.nodeId, inputs: [], shape }], shape };
  },
});
