import { describe, expect, it } from 'vitest';
import type { ConvOp, ConvTransposeOp, PoolOp, PrimitiveOp } from '../../lowering/ops';
import type { Shape } from '../../shape/shape';
import { emitOp } from './opEmit';

const shape = (channels: number, ...spatial: Shape['spatial']): Shape => ({ channels, spatial });
const base = { id: 'n/op', nodeId: 'n', inputs: ['x'] } as const;

function conv(over: Partial<ConvOp>): ConvOp {
  return {
    ...base,
    op: 'conv',
    shape: shape(8, 16, 16),
    inChannels: 4,
    outChannels: 8,
    kernel: [3, 3],
    stride: [1, 1],
    dilation: [1, 1],
    padding: 'same',
    bias: false,
    separable: false,
    ...over,
  };
}

function convT(
  kernel: number[],
  stride: number[],
  padding: 'same' | 'valid',
  out: Shape['spatial'],
): ConvTransposeOp {
  return {
    ...base,
    op: 'convTranspose',
    shape: shape(4, ...out),
    inChannels: 8,
    outChannels: 4,
    kernel,
    stride,
    padding,
    bias: true,
  };
}

const code = (op: PrimitiveOp, inputs: Shape[] = []) => {
  const e = emitOp(op, op.shape.spatial.length === 1 ? 1 : 2, inputs);
  return { module: e.module, call: e.call(['x'], 'self.m'), helpers: e.helpers };
};

describe('emitOp: convolutions', () => {
  it('puts symmetric same padding in the conv', () => {
    expect(code(conv({})).module).toBe(
      'nn.Conv2d(4, 8, kernel_size=(3, 3), padding=(1, 1), bias=False)',
    );
    expect(code(conv({ dilation: [2, 3] })).module).toContain('padding=(2, 3), dilation=(2, 3)');
  });

  it('pads an even kernel with the extra pixel at the end, as TensorFlow does', () => {
    const c = code(conv({ kernel: [4, 2] }));
    expect(c.module).not.toContain('padding=');
    expect(c.call).toBe('self.m(F.pad(x, (0, 1, 1, 2)))');
  });

  it('computes strided same padding from the actual size', () => {
    const c = code(conv({ stride: [2, 2], shape: shape(8, 8, 8) }));
    expect(c.call).toBe('self.m(tf_same_pad(x, (3, 3), (2, 2), (1, 1)))');
    expect(c.helpers).toContain('tfSamePad');
  });

  it('needs no padding for a strided 1x1 conv', () => {
    expect(code(conv({ kernel: [1, 1], stride: [2, 2] })).call).toBe('self.m(x)');
  });

  it('writes a separable conv as depthwise + pointwise', () => {
    const c = code(conv({ separable: true, bias: true }));
    expect(c.module).toBe('SeparableConv(2, 4, 8, kernel_size=(3, 3), padding=(1, 1), bias=True)');
    expect(c.helpers).toContain('separableConv');
  });

  it('uses Conv1d in 1D', () => {
    expect(
      code(conv({ kernel: [5], stride: [1], dilation: [1], shape: shape(8, 50) })).module,
    ).toBe('nn.Conv1d(4, 8, kernel_size=(5,), padding=(2,), bias=False)');
  });
});

describe('emitOp: transposed convolutions', () => {
  it('k2 s2 same is a plain ConvTranspose', () => {
    const c = code(convT([2, 2], [2, 2], 'same', [16, 16]), [shape(8, 8, 8)]);
    expect(c.module).toBe('nn.ConvTranspose2d(8, 4, kernel_size=(2, 2), stride=(2, 2), bias=True)');
    expect(c.call).toBe('self.m(x)');
  });

  it('k4 s2 same pads 1', () => {
    expect(code(convT([4, 4], [2, 2], 'same', [16, 16]), [shape(8, 8, 8)]).module).toContain(
      'padding=(1, 1)',
    );
  });

  it('k3 s2 same crops the last row and column, where TensorFlow crops', () => {
    const c = code(convT([3, 3], [2, 2], 'same', [16, 16]), [shape(8, 8, 8)]);
    expect(c.module).not.toContain('padding');
    expect(c.call).toBe('self.m(x)[:, :, :-1, :-1]');
  });

  it('a kernel smaller than the stride gets output_padding', () => {
    const c = code(convT([1, 3], [2, 2], 'valid', [16, 17]), [shape(8, 8, 8)]);
    expect(c.module).toContain('output_padding=(1, 0)');
    expect(c.call).toBe('self.m(x)');
  });

  it('works on symbolic sizes', () => {
    const H = { sym: 'H', a: [1, 2], b: [0, 1] } as const;
    const out = { sym: 'H', a: [1, 1], b: [0, 1] } as const;
    expect(code(convT([3, 3], [2, 2], 'same', [out, out]), [shape(8, H, H)]).call).toBe(
      'self.m(x)[:, :, :-1, :-1]',
    );
  });
});

describe('emitOp: pooling, resampling and merges', () => {
  const pool = (over: Partial<PoolOp>): PoolOp => ({
    ...base,
    op: 'pool',
    shape: shape(4, 8, 8),
    mode: 'max',
    window: [3, 3],
    stride: [2, 2],
    padding: 'same',
    ...over,
  });

  it('max pools with -inf padding and average pools without counting the padding', () => {
    expect(code(pool({})).call).toBe('tf_max_pool_same(x, (3, 3), (2, 2))');
    expect(code(pool({ mode: 'avg' })).call).toBe('tf_avg_pool_same(x, (3, 3), (2, 2))');
    expect(code(pool({ mode: 'avg', stride: [1, 1] })).module).toBe(
      'nn.AvgPool2d(kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), count_include_pad=False)',
    );
    expect(code(pool({ padding: 'valid', window: [2, 2] })).module).toBe(
      'nn.MaxPool2d(kernel_size=(2, 2), stride=(2, 2))',
    );
  });

  it('honours align_corners and uses linear modes in 1D', () => {
    const up = {
      ...base,
      op: 'upsample',
      shape: shape(4, 16, 16),
      mode: 'bilinear',
      factor: [2, 2],
      alignCorners: true,
    } as const;
    expect(code(up).module).toBe(
      'nn.Upsample(scale_factor=(2.0, 2.0), mode="bilinear", align_corners=True)',
    );
    const up1 = { ...up, shape: shape(4, 16), factor: [2], alignCorners: false };
    expect(code(up1).module).toBe(
      'nn.Upsample(scale_factor=(2.0,), mode="linear", align_corners=False)',
    );
    const resize = { ...base, op: 'resize', shape: shape(4, 21, 19) } as const;
    expect(code(resize).call).toBe(
      'F.interpolate(x, size=(21, 19), mode="bilinear", align_corners=False)',
    );
  });

  it('crops, pads, adds and concatenates', () => {
    const H = { sym: 'H', a: [1, 1], b: [-12, 1] } as const;
    expect(code({ ...base, op: 'crop', shape: shape(4, H, 14), begin: [4, 2] }).call).toBe(
      'x[:, :, 4:in_h - 8, 2:16]',
    );
    expect(
      code({ ...base, op: 'pad', shape: shape(4, 21, 19), before: [2, 1], after: [3, 0] }).call,
    ).toBe('F.pad(x, (1, 0, 2, 3))');
    const add = emitOp({ ...base, op: 'add', inputs: ['a', 'b'], shape: shape(4, 8, 8) }, 2);
    expect(add.call(['a', 'x'], '')).toBe('a + x');
    const cat = emitOp({ ...base, op: 'concat', inputs: ['a', 'b'], shape: shape(8, 8, 8) }, 2);
    expect(cat.call(['a', 'x'], '')).toBe('torch.cat([a, x], dim=1)');
  });

  it('maps norms, activations and dropout with their parameters', () => {
    const norm = {
      ...base,
      op: 'norm',
      shape: shape(8, 4, 5),
      channels: 8,
      groups: 4,
      eps: 1e-3,
      momentum: 0.01,
    } as const;
    expect(code({ ...norm, norm: 'batch' }).module).toBe(
      'nn.BatchNorm2d(8, eps=0.001, momentum=0.01)',
    );
    expect(code({ ...norm, norm: 'group' }).module).toBe('nn.GroupNorm(4, 8, eps=0.001)');
    expect(code({ ...norm, norm: 'instance' }).module).toBe(
      'nn.InstanceNorm2d(8, eps=0.001, affine=True)',
    );
    expect(code({ ...norm, norm: 'layer' }).module).toBe('SpatialLayerNorm((4, 5), eps=0.001)');
    const act = { ...base, op: 'activation', shape: shape(8, 4, 4), alpha: 0.2 } as const;
    expect(code({ ...act, activation: 'leaky_relu' }).module).toBe(
      'nn.LeakyReLU(negative_slope=0.2)',
    );
    expect(code({ ...act, activation: 'softmax' }).module).toBe('nn.Softmax(dim=1)');
    const drop = {
      ...base,
      op: 'dropout',
      shape: shape(8, 4, 4),
      rate: 0.3,
      spatial: true,
    } as const;
    expect(code(drop).module).toBe('nn.Dropout2d(p=0.3)');
    expect(code({ ...drop, shape: shape(8, 4) }).module).toBe('nn.Dropout1d(p=0.3)');
  });
});
