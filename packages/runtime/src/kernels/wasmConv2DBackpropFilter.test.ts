import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare, seededValues } from '../../test/gradCases';
import { initBackend } from '../backend/initBackend';
import { conv2dBackpropFilterNHWC } from './conv2dBackpropFilterImpl';
import { convGeometry } from './convGeometry';

beforeAll(async () => {
  await initBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

// XNNPACK sums in float32 over batch · H · W positions, the reference in float64.
const TOL = 1e-4;

/** Convs of the kinds a U-Net has, at sizes where rows, images and channel planes all matter. */
const CASES = [
  { name: '3×3 same (grid)', x: [3, 12, 10, 5], k: 3, out: 7, stride: 1, pad: 'same' },
  { name: '3×3 valid (grid, no borders)', x: [2, 9, 11, 6], k: 3, out: 4, stride: 1, pad: 'valid' },
  {
    name: '3×3 stride 2 same (grid, 4 phases)',
    x: [2, 11, 9, 3],
    k: 3,
    out: 5,
    stride: 2,
    pad: 'same',
  },
  {
    name: '5×5 same (grid, 2 shared lines)',
    x: [2, 8, 9, 4],
    k: 5,
    out: 3,
    stride: 1,
    pad: 'same',
  },
  { name: '1×1 head (grid, one phase)', x: [3, 10, 12, 9], k: 1, out: 1, stride: 1, pad: 'valid' },
  {
    name: '2×2 stride 2 (grid, one phase per tap)',
    x: [2, 12, 10, 6],
    k: 2,
    out: 8,
    stride: 2,
    pad: 'same',
  },
  {
    name: '3×3 stride 2 same, 10 channels (one product per tap)',
    x: [2, 11, 9, 10],
    k: 3,
    out: 6,
    stride: 2,
    pad: 'same',
  },
  {
    name: '3×3 same, 3 channels',
    x: [2, 13, 11, 3],
    k: 3,
    out: 5,
    stride: 1,
    pad: 'same',
  },
  { name: '1×1 stride 2 same, odd 9×7', x: [2, 9, 7, 5], k: 1, out: 4, stride: 2, pad: 'same' },
  { name: '2×2 stride 2 valid, odd 7×9', x: [3, 7, 9, 4], k: 2, out: 5, stride: 2, pad: 'valid' },
] as const;

describe('wasm Conv2DBackpropFilter', () => {
  it.each(CASES)('matches the float64 reference: $name', (c) => {
    const filterShape: [number, number, number, number] = [c.k, c.k, c.x[3], c.out];
    const g = convGeometry(c.x, filterShape, c.stride, 1, c.pad, undefined, false);
    const xv = seededValues(
      c.x.reduce((a, b) => a * b, 1),
      21,
    );
    const dyShape = [g.batch, g.outH, g.outW, g.outC];
    const dyv = seededValues(
      dyShape.reduce((a, b) => a * b, 1),
      22,
    );
    const x = tf.tensor(xv, [...c.x]);
    const dy = tf.tensor(dyv, dyShape);
    const dw = tf.engine().runKernel<tf.Tensor>(
      'Conv2DBackpropFilter',
      { x, dy },
      {
        strides: c.stride,
        pad: c.pad,
        dataFormat: 'NHWC',
        filterShape,
      },
    );
    expect(dw.shape).toEqual(filterShape);
    const { maxDiff, scale } = compare(dw.dataSync(), conv2dBackpropFilterNHWC(xv, dyv, g));
    expect(maxDiff).toBeLessThanOrEqual(TOL * Math.max(1, scale));
    tf.dispose([x, dy, dw]);
  });

  it('leaves no data behind on the wasm heap, views and packed operands included', () => {
    const backend = tf.backend();
    const x = tf.randomNormal([2, 16, 16, 8], 0, 1, 'float32', 1);
    const dy = tf.randomNormal([2, 16, 16, 8], 0, 1, 'float32', 2);
    const run = () =>
      tf.dispose(
        tf.engine().runKernel(
          'Conv2DBackpropFilter',
          { x, dy },
          {
            strides: 1,
            pad: 'same',
            dataFormat: 'NHWC',
            filterShape: [3, 3, 8, 8],
          },
        ),
      );
    run();
    const before = backend.numDataIds();
    for (let i = 0; i < 5; i++) run();
    expect(backend.numDataIds()).toBe(before);
    tf.dispose([x, dy]);
  });
});
