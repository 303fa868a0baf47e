import { describe, expect, it } from 'vitest';
import { symDim } from '../shape/dimMath';
import { addCosts, opActivationBytes, opMacs, opParams, opsCost } from './opCost';
import type { ConvOp, ConvTransposeOp, NormOp, PrimitiveOp } from './ops';

const conv = (over: Partial<ConvOp> = {}): ConvOp => ({
  op: 'conv',
  id: 'c',
  nodeId: 'n',
  inputs: ['x'],
  shape: { channels: 8, spatial: [10, 10] },
  inChannels: 4,
  outChannels: 8,
  kernel: [3, 3],
  stride: [1, 1],
  dilation: [1, 1],
  padding: 'same',
  bias: true,
  separable: false,
  ...over,
});
const norm = (kind: NormOp['norm']): NormOp => ({
  op: 'norm',
  id: 'n',
  nodeId: 'n',
  inputs: ['c'],
  shape: { channels: 8, spatial: [5, 6] },
  norm: kind,
  channels: 8,
  groups: 1,
  eps: 1e-5,
  momentum: 0.1,
});

describe('op cost formulas', () => {
  it('conv: k²·Cin·Cout + Cout; separable k²·Cin + Cin·Cout + Cout', () => {
    expect(opParams(conv())).toEqual({ trainable: 9 * 4 * 8 + 8, nonTrainable: 0 });
    expect(opParams(conv({ separable: true, bias: false }))).toEqual({
      trainable: 9 * 4 + 4 * 8,
      nonTrainable: 0,
    });
  });

  it('norms: batch 2C + 2C running; group/instance 2C; layer 2·prod(spatial)', () => {
    expect(opParams(norm('batch'))).toEqual({ trainable: 16, nonTrainable: 16 });
    expect(opParams(norm('group'))).toEqual({ trainable: 16, nonTrainable: 0 });
    expect(opParams(norm('instance'))).toEqual({ trainable: 16, nonTrainable: 0 });
    expect(opParams(norm('layer'))).toEqual({ trainable: 60, nonTrainable: 0 });
  });

  it('MACs: conv over output positions, transposed conv over input positions', () => {
    expect(opMacs(conv())).toBe(100 * 9 * 4 * 8);
    expect(opMacs(conv({ separable: true }))).toBe(100 * (9 * 4 + 4 * 8));
    const t: ConvTransposeOp = {
      op: 'convTranspose',
      id: 't',
      nodeId: 'n',
      inputs: ['x'],
      shape: { channels: 2, spatial: [8, 8] },
      inChannels: 4,
      outChannels: 2,
      kernel: [2, 2],
      stride: [2, 2],
      padding: 'same',
      bias: true,
    };
    expect(opMacs(t)).toBe(16 * 4 * 4 * 2);
    // valid, kernel 3, stride 2: 9 = 4·2 + 1 → 4 input positions per axis
    expect(
      opMacs({ ...t, kernel: [3, 3], padding: 'valid', shape: { channels: 2, spatial: [9, 9] } }),
    ).toBe(16 * 9 * 4 * 2);
    expect(opMacs({ ...t, shape: { channels: 2, spatial: [symDim('H'), 8] } })).toBeNaN();
  });

  it('activation bytes: 4 per output element, none for the identity output op', () => {
    expect(opActivationBytes(conv())).toBe(4 * 800);
    const output: PrimitiveOp = {
      op: 'output',
      id: 'o',
      nodeId: 'o',
      inputs: ['c'],
      shape: { channels: 8, spatial: [10, 10] },
    };
    expect(opActivationBytes(output)).toBe(0);
    expect(
      opActivationBytes(conv({ shape: { channels: 8, spatial: [symDim('H'), 10] } })),
    ).toBeNaN();
  });

  it('sums ops at a batch size', () => {
    const cost = opsCost([conv()], 2);
    expect(cost).toEqual({
      trainable: 296,
      nonTrainable: 0,
      macs: 2 * 28800,
      activationBytes: 2 * 3200,
    });
    expect(addCosts([cost, cost]).trainable).toBe(592);
  });
});
