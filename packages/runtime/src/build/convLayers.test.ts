import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DilatedConv2D } from '../layers/DilatedConv2D';
import { buildAndRun, channelsLast } from './buildTestSupport';
import { buildModel } from './buildModel';
import { chain, mk, shape } from './testOps';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const p = (trainable: number, nonTrainable = 0) => ({ trainable, nonTrainable });

describe('conv ops (2D)', () => {
  const x = shape(3, 12, 13);
  const cases = [
    { name: '3×3 same with bias', out: shape(8, 12, 13), over: {}, params: p(3 * 9 * 8 + 8) },
    {
      name: '3×3 valid without bias',
      out: shape(8, 10, 11),
      over: { padding: 'valid', bias: false },
      params: p(216),
    },
    {
      name: 'stride 2 same (odd width → ceil)',
      out: shape(8, 6, 7),
      over: { stride: [2, 2] },
      params: p(224),
    },
    {
      name: 'stride 2 valid',
      out: shape(8, 5, 6),
      over: { stride: [2, 2], padding: 'valid' },
      params: p(224),
    },
    {
      name: 'kernel 1×5',
      out: shape(8, 12, 13),
      over: { kernel: [1, 5] },
      params: p(3 * 5 * 8 + 8),
    },
    {
      name: 'separable',
      out: shape(8, 12, 13),
      over: { separable: true },
      params: p(3 * 9 + 3 * 8 + 8),
    },
    { name: 'dilation 2 same', out: shape(8, 12, 13), over: { dilation: [2, 2] }, params: p(224) },
    {
      name: 'dilation 2 valid',
      out: shape(8, 8, 9),
      over: { dilation: [2, 2], padding: 'valid' },
      params: p(224),
    },
    {
      name: 'dilation (2, 3) with stride 2',
      out: shape(8, 6, 7),
      over: { dilation: [2, 3], stride: [2, 2] },
      params: p(224),
    },
    {
      name: 'separable dilation 2 without bias',
      out: shape(8, 12, 13),
      over: { separable: true, dilation: [2, 2], bias: false },
      params: p(51),
    },
  ] as const;

  it.each(cases)('builds $name', ({ out, over, params }) => {
    const compiled = chain(x, (from) => [mk.conv('c/conv0', from, out, 3, over)]);
    buildAndRun(compiled, params, channelsLast(out));
  });

  it('uses the trainable DilatedConv2D layer only for dilated convs', () => {
    const compiled = chain(x, (from) => [
      mk.conv('a/conv0', from, shape(4, 12, 13), 3),
      mk.conv('b/conv0', 'a/conv0', shape(4, 12, 13), 4, { dilation: [2, 2] }),
    ]);
    const model = buildModel(compiled);
    expect(model.getLayer('a__conv0').getClassName()).toBe('Conv2D');
    expect(model.getLayer('b__conv0')).toBeInstanceOf(DilatedConv2D);
    expect(model.getLayer('b__conv0').weights.map((w) => w.originalName)).toEqual([
      'b__conv0/kernel',
      'b__conv0/bias',
    ]);
  });
});

describe('convTranspose ops (2D)', () => {
  const x = shape(3, 6, 5);
  const cases = [
    { name: 'k2 s2 same', out: shape(4, 12, 10), over: {}, params: p(4 * 3 * 4 + 4) },
    {
      name: 'k3 s2 valid',
      out: shape(4, 13, 11),
      over: { kernel: [3, 3], padding: 'valid' },
      params: p(9 * 12 + 4),
    },
    {
      name: 'k1 s2 valid (kernel below stride)',
      out: shape(4, 12, 10),
      over: { kernel: [1, 1], padding: 'valid' },
      params: p(12 + 4),
    },
    {
      name: 'k3 s1 same without bias',
      out: shape(4, 6, 5),
      over: { kernel: [3, 3], stride: [1, 1], bias: false },
      params: p(108),
    },
  ] as const;

  it.each(cases)('builds $name', ({ out, over, params }) => {
    const compiled = chain(x, (from) => [mk.convTranspose('u/up', from, out, 3, over)]);
    buildAndRun(compiled, params, channelsLast(out));
  });

  it('stores the kernel as [kh, kw, out, in]', () => {
    const compiled = chain(x, (from) => [mk.convTranspose('u/up', from, shape(4, 12, 10), 3)]);
    expect(buildModel(compiled).getLayer('u__up').getWeights()[0]?.shape).toEqual([2, 2, 4, 3]);
  });
});

describe('conv and convTranspose ops (1D, built as height-1 2D)', () => {
  const x = shape(2, 16);
  const cases = [
    {
      name: 'conv k3 same',
      ops: (f: string) => [mk.conv('c/conv', f, shape(5, 16), 2)],
      out: [16, 5],
      params: p(2 * 3 * 5 + 5),
    },
    {
      name: 'conv k5 stride 2 valid',
      ops: (f: string) => [
        mk.conv('c/conv', f, shape(5, 6), 2, { kernel: [5], stride: [2], padding: 'valid' }),
      ],
      out: [6, 5],
      params: p(55),
    },
    {
      name: 'separable conv',
      ops: (f: string) => [mk.conv('c/conv', f, shape(5, 16), 2, { separable: true })],
      out: [16, 5],
      params: p(6 + 10 + 5),
    },
    {
      name: 'dilated conv',
      ops: (f: string) => [mk.conv('c/conv', f, shape(5, 16), 2, { dilation: [4] })],
      out: [16, 5],
      params: p(35),
    },
    {
      name: 'separable dilated conv',
      ops: (f: string) => [
        mk.conv('c/conv', f, shape(5, 16), 2, { dilation: [2], separable: true }),
      ],
      out: [16, 5],
      params: p(21),
    },
    {
      name: 'transposed conv k2 s2',
      ops: (f: string) => [mk.convTranspose('u/up', f, shape(3, 32), 2)],
      out: [32, 3],
      params: p(2 * 2 * 3 + 3),
    },
    {
      name: 'transposed conv k3 s2 valid',
      ops: (f: string) => [
        mk.convTranspose('u/up', f, shape(3, 33), 2, { kernel: [3], padding: 'valid' }),
      ],
      out: [33, 3],
      params: p(21),
    },
  ];

  it.each(cases)('builds $name', ({ ops, out, params }) => {
    buildAndRun(chain(x, ops), params, out);
  });

  it('takes [L, C] input and gives [L, C] output', () => {
    const model = buildModel(chain(x, (f) => [mk.conv('c/conv', f, shape(5, 16), 2)]));
    expect(model.inputs[0]?.shape).toEqual([null, 16, 2]);
    expect(model.outputs[0]?.shape).toEqual([null, 16, 5]);
    expect(model.getLayer('c__conv').getWeights()[0]?.shape).toEqual([1, 3, 2, 5]);
  });
});
