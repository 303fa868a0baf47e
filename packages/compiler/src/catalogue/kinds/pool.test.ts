import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';
import { formatShape } from '../../shape/shapeOps';

const out = (l: ReturnType<typeof lowerKind>): string =>
  l.result ? formatShape(l.result.shape) : 'none';

describe('pool', () => {
  it('valid: floor((n − w)/s) + 1, stride defaulting to the window', () => {
    expect(out(lowerKind('pool', {}, { in: shape(64, 568, 567) }))).toBe('64×284×283');
    expect(out(lowerKind('pool', { window: 3, stride: 2 }, { in: shape(8, 11, 11) }))).toBe(
      '8×5×5',
    );
  });

  it('same: ceil(n/s), as heliaEDGE’s window-3 stride-2 pooling', () => {
    expect(
      out(
        lowerKind(
          'pool',
          { window: [1, 3], stride: [1, 2], padding: 'same' },
          { in: shape(12, 255) },
          1,
        ),
      ),
    ).toBe('12×128');
  });

  it('reports each downsampling division so inexact ones can be flagged', () => {
    const l = lowerKind('pool', {}, { in: shape(64, 25, 24) });
    expect(l.divisions.map((d) => [d.input, d.numerator, d.divisor])).toEqual([
      [25, 23, 2],
      [24, 22, 2],
    ]);
  });

  it('reports SHAPE_NON_POSITIVE when the window is larger than the map', () => {
    const l = lowerKind('pool', { window: 4 }, { in: shape(8, 3, 8) });
    expect(l.result).toBeNull();
    expect(l.diagnostics[0]?.code).toBe('SHAPE_NON_POSITIVE');
  });

  it('emits one pool op with resolved window and stride', () => {
    const op = lowerKind('pool', { mode: 'avg' }, { in: shape(8, 8, 8) }).result?.ops[0];
    expect(op).toMatchObject({
      op: 'pool',
      id: 'n/pool',
      mode: 'avg',
      window: [2, 2],
      stride: [2, 2],
      inputs: ['src:in'],
    });
  });
});
