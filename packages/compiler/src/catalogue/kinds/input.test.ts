import { describe, expect, it } from 'vitest';
import { lowerKind } from '../../../test/net';
import { formatShape } from '../../shape/shapeOps';

describe('input', () => {
  it('gives open sizes the symbols H, W (2D) and L (1D)', () => {
    const twoD = lowerKind('input', { channels: 3, size: [null, 64] }, {});
    expect(twoD.result ? formatShape(twoD.result.shape) : '').toBe('3×H×64');
    const oneD = lowerKind('input', { dims: 1, channels: 1, size: [null] }, {}, 1);
    expect(oneD.result ? formatShape(oneD.result.shape) : '').toBe('1×L');
  });

  it('reports PARAM_DIMS when the size does not have one entry per axis', () => {
    const l = lowerKind('input', { dims: 1, size: [64, 64] }, {}, 1);
    expect(l.result).toBeNull();
    expect(l.diagnostics[0]).toMatchObject({
      code: 'PARAM_DIMS',
      fix: { edits: [{ op: 'setInputSize', size: [64] }] },
    });
  });
});
