import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';
import type { ConvOp, NormOp } from '../../lowering/ops';
import { formatShape } from '../../shape/shapeOps';
import { convLayer } from './conv';

const NONE = { type: 'none', groups: null, eps: 1e-5, momentum: 0.1 } as const;
const norm = (type: 'batch' | 'group' | 'instance' | 'layer', groups: number | null = null) =>
  ({ type, groups, eps: 1e-5, momentum: 0.1 }) as const;
const out = (l: ReturnType<typeof lowerKind>): string =>
  l.result ? formatShape(l.result.shape) : 'none';
const convs = (l: ReturnType<typeof lowerKind>): ConvOp[] =>
  (l.result?.ops ?? []).filter((op): op is ConvOp => op.op === 'conv');

describe('conv block: shapes', () => {
  it('keeps the size with same padding and shrinks by 2 per 3×3 conv with valid', () => {
    expect(out(lowerKind('conv', { filters: 64 }, { in: shape(3, 572, 572) }))).toBe('64×572×572');
    expect(
      out(lowerKind('conv', { filters: 64, padding: 'valid' }, { in: shape(1, 572, 572) })),
    ).toBe('64×568×568');
  });

  it('strides the first conv only: same gives ceil(n/s), valid ceil((n−(k−1))/s)', () => {
    const same = lowerKind('conv', { stride: 2, filters: 8 }, { in: shape(3, 65, 64) });
    expect(out(same)).toBe('8×33×32');
    expect(convs(same).map((c) => c.stride)).toEqual([
      [2, 2],
      [1, 1],
    ]);
    const valid = lowerKind(
      'conv',
      { stride: 2, filters: 8, padding: 'valid', depth: 1 },
      { in: shape(3, 64, 64) },
    );
    expect(out(valid)).toBe('8×31×31');
    expect(valid.divisions.map((d) => d.numerator)).toEqual([62, 62]);
  });

  it('works in 1D, taking k, [k] and heliaEDGE’s [1, k]', () => {
    for (const kernel of [5, [5], [1, 5]]) {
      const l = lowerKind(
        'conv',
        { kernel, padding: 'valid', filters: 12 },
        { in: shape(1, 256) },
        1,
      );
      expect(out(l)).toBe('12×248');
      expect(convs(l)[0]?.kernel).toEqual([5]);
    }
  });

  it('rejects [3, 5] in 1D with AXIS_1D_FORM and [3] in 2D with PARAM_DIMS, each with a fix', () => {
    const oneD = lowerKind('conv', { kernel: [3, 5] }, { in: shape(1, 256) }, 1);
    expect(oneD.result).toBeNull();
    expect(oneD.diagnostics[0]).toMatchObject({
      code: 'AXIS_1D_FORM',
      fix: { edits: [{ op: 'setParams', params: { kernel: 5 } }] },
    });
    const twoD = lowerKind('conv', { kernel: [3] }, { in: shape(1, 64, 64) });
    expect(twoD.diagnostics[0]?.code).toBe('PARAM_DIMS');
  });

  it('grows dilation exponentially (1, r, r²) or keeps it constant', () => {
    const exp = lowerKind(
      'conv',
      { dilation: 2, dilationGrowth: 'exponential', depth: 3, padding: 'valid' },
      { in: shape(1, 100) },
      1,
    );
    expect(convs(exp).map((c) => c.dilation)).toEqual([[1], [2], [4]]);
    // valid: 100 − 2·1 − 2·2 − 2·4
    expect(out(exp)).toBe('64×86');
    const constant = lowerKind('conv', { dilation: 2, depth: 2 }, { in: shape(1, 100) }, 1);
    expect(convs(constant).map((c) => c.dilation)).toEqual([[2], [2]]);
  });

  it('reports DILATION_WITH_STRIDE when one conv has both above 1', () => {
    const l = lowerKind('conv', { dilation: 2, stride: 2 }, { in: shape(1, 64, 64) });
    expect(l.result).toBeNull();
    expect(l.diagnostics.map((d) => d.code)).toEqual(['DILATION_WITH_STRIDE']);
    // exponential growth starts at dilation 1, so the strided first conv is fine
    expect(
      lowerKind(
        'conv',
        { dilation: 2, stride: 2, dilationGrowth: 'exponential' },
        { in: shape(1, 64, 64) },
      ).result,
    ).not.toBeNull();
  });

  it('reports SHAPE_NON_POSITIVE when valid convs eat the whole map', () => {
    const l = lowerKind('conv', { padding: 'valid' }, { in: shape(1, 4, 4) });
    expect(l.result).toBeNull();
    expect(l.diagnostics[0]?.code).toBe('SHAPE_NON_POSITIVE');
  });

  it('emits conv → norm → act per conv, then dropout, then the residual projection and add', () => {
    const l = lowerKind('conv', { dropout: 0.2, residual: true }, { in: shape(3, 32, 32) });
    expect(l.result?.ops.map((op) => op.id)).toEqual([
      'n/conv0',
      'n/norm0',
      'n/act0',
      'n/conv1',
      'n/norm1',
      'n/act1',
      'n/dropout',
      'n/proj',
      'n/add',
    ]);
    expect(l.result?.ops.at(-1)?.inputs).toEqual(['n/dropout', 'n/proj']);
  });

  it('reports SHAPE_MISMATCH for a residual block with valid padding, fixed by same padding', () => {
    const l = lowerKind('conv', { residual: true, padding: 'valid' }, { in: shape(3, 32, 32) });
    expect(l.result).toBeNull();
    expect(l.diagnostics[0]).toMatchObject({
      code: 'SHAPE_MISMATCH',
      fix: { edits: [{ params: { padding: 'same' } }] },
    });
  });
});

describe('conv block: parameter counts', () => {
  const count = (
    params: Parameters<typeof lowerKind<'conv'>>[1],
    input = shape(3, 32, 32),
    dims: 1 | 2 = 2,
  ) =>
    convLayer.paramCount({ params: { ...lowerDefaults, ...params }, inputs: { in: input }, dims });
  const lowerDefaults = convLayer.params.parse({});

  it('counts k²·Cin·Cout, with bias only when there is no norm (bias auto)', () => {
    expect(count({ filters: 64, norm: NONE, depth: 1 })).toEqual({
      trainable: 27 * 64 + 64,
      nonTrainable: 0,
    });
    expect(count({ filters: 64, depth: 1 })).toEqual({
      trainable: 27 * 64 + 128,
      nonTrainable: 128,
    });
    expect(count({ filters: 64, depth: 1, bias: 'on' })?.trainable).toBe(27 * 64 + 64 + 128);
  });

  it('counts separable convs as k²·Cin + Cin·Cout (+bias), like Keras SeparableConv', () => {
    expect(count({ filters: 16, depth: 1, separable: true, norm: NONE })?.trainable).toBe(
      9 * 3 + 3 * 16 + 16,
    );
    expect(
      count({ filters: 12, depth: 1, separable: true, norm: NONE, kernel: 5 }, shape(4, 256), 1)
        ?.trainable,
    ).toBe(5 * 4 + 4 * 12 + 12);
  });

  it('counts every norm: batch 2C + 2C running, group and instance 2C, layer 2·H·W', () => {
    const base = 27 * 8;
    expect(count({ filters: 8, depth: 1, norm: norm('batch') })).toEqual({
      trainable: base + 16,
      nonTrainable: 16,
    });
    expect(count({ filters: 8, depth: 1, norm: norm('group', 4) })).toEqual({
      trainable: base + 16,
      nonTrainable: 0,
    });
    expect(count({ filters: 8, depth: 1, norm: norm('instance') })).toEqual({
      trainable: base + 16,
      nonTrainable: 0,
    });
    expect(count({ filters: 8, depth: 1, norm: norm('layer') }, shape(3, 16, 20))).toEqual({
      trainable: base + 640,
      nonTrainable: 0,
    });
  });

  it('adds the 1×1 projection with bias for residual blocks', () => {
    const plain = count({ filters: 8, depth: 1, norm: NONE })?.trainable ?? 0;
    expect(count({ filters: 8, depth: 1, norm: NONE, residual: true })?.trainable).toBe(
      plain + 3 * 8 + 8,
    );
  });

  it('defaults GroupNorm groups to min(32, C) and reports a non-divisor with the largest divisor ≤ 32', () => {
    const ok = lowerKind('conv', { filters: 16, norm: norm('group') }, { in: shape(3, 8, 8) });
    expect((ok.result?.ops[1] as NormOp).groups).toBe(16);
    const bad = lowerKind('conv', { filters: 48, norm: norm('group') }, { in: shape(3, 8, 8) });
    const d = bad.diagnostics[0];
    expect(d?.code).toBe('GROUPNORM_DIVISIBILITY');
    expect(d?.fix?.edits[0]).toMatchObject({
      op: 'setParams',
      params: { norm: { type: 'group', groups: 24 } },
    });
  });

  it('counts MACs as out positions × k²·Cin·Cout', () => {
    const cost = convLayer.cost({
      params: { ...lowerDefaults, filters: 4, depth: 1, norm: NONE },
      inputs: { in: shape(2, 10, 10) },
      batch: 3,
    });
    expect(cost?.macs).toBe(3 * 100 * 9 * 2 * 4);
    // conv output + activation output, float32
    expect(cost?.activationBytes).toBe(3 * 2 * 4 * 4 * 100);
  });
});
