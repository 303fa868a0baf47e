import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';
import { formatShape } from '../../shape/shapeOps';
import { upconvLayer } from './upconv';

const out = (l: ReturnType<typeof lowerKind>): string =>
  l.result ? formatShape(l.result.shape) : 'none';
const defaults = upconvLayer.params.parse({});

describe('upconv', () => {
  it('transposed: same gives n·s, valid n·s + max(k − s, 0); kernel defaults to the factor', () => {
    const same = lowerKind('upconv', { filters: 512 }, { in: shape(1024, 28, 28) });
    expect(out(same)).toBe('512×56×56');
    expect(same.result?.ops[0]).toMatchObject({
      op: 'convTranspose',
      kernel: [2, 2],
      stride: [2, 2],
    });
    expect(
      out(lowerKind('upconv', { kernel: 3, padding: 'valid' }, { in: shape(8, 10, 10) })),
    ).toBe('8×21×21');
  });

  it('counts a transposed conv as k²·Cin·Cout + Cout, MACs over the input positions', () => {
    const cost = upconvLayer.cost({
      params: { ...defaults, filters: 512 },
      inputs: { in: shape(1024, 28, 28) },
    });
    expect(cost?.trainable).toBe(4 * 1024 * 512 + 512);
    expect(cost?.macs).toBe(28 * 28 * 4 * 1024 * 512);
  });

  it('interpolates without parameters, keeping channels; alignCorners only for bilinear', () => {
    const bilinear = lowerKind(
      'upconv',
      { mode: 'bilinear', alignCorners: true },
      { in: shape(1024, 16, 16) },
    );
    expect(out(bilinear)).toBe('1024×32×32');
    expect(bilinear.result?.ops[0]).toMatchObject({
      op: 'upsample',
      mode: 'bilinear',
      alignCorners: true,
    });
    const nearest = lowerKind(
      'upconv',
      { mode: 'nearest', alignCorners: true, factor: [2] },
      { in: shape(8, 16) },
      1,
    );
    expect(nearest.result?.ops[0]).toMatchObject({
      mode: 'nearest',
      alignCorners: false,
      factor: [2],
    });
    expect(
      upconvLayer.paramCount({
        params: { ...defaults, mode: 'nearest' },
        inputs: { in: shape(8, 4, 4) },
      })?.trainable,
    ).toBe(0);
  });

  it('adds a same-padded conv after interpolation (kernel 1 by default, filters default Cin)', () => {
    const l = lowerKind(
      'upconv',
      { mode: 'nearest', conv: true, filters: 4 },
      { in: shape(8, 5, 5) },
    );
    expect(out(l)).toBe('4×10×10');
    expect(l.result?.ops.map((op) => op.op)).toEqual(['upsample', 'conv']);
    expect(l.result?.ops[1]).toMatchObject({ kernel: [1, 1], padding: 'same' });
  });

  it('reports CHANNEL_MISMATCH for interpolation with other filters and no conv', () => {
    const l = lowerKind('upconv', { mode: 'bilinear', filters: 4 }, { in: shape(8, 5, 5) });
    expect(l.result).toBeNull();
    expect(l.diagnostics[0]).toMatchObject({
      code: 'CHANNEL_MISMATCH',
      fix: { edits: [{ params: { conv: true } }] },
    });
  });
});
