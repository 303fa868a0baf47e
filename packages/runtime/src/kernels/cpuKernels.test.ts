import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DILATED_CASES,
  UNDILATED_CASES,
  compare,
  outputShape,
  probeFilterGradient,
  probeInputGradient,
  runKernelFunc,
  seededValues,
  type GradCase,
} from '../../test/gradCases';
import { conv2dBackpropFilterNHWC } from './conv2dBackpropFilterImpl';
import { convGeometry } from './convGeometry';
import {
  isTrainingKernelRegistered,
  registerTrainingKernels,
  replacedKernel,
} from './registerTrainingKernels';

// Tolerance: both sides accumulate in float64 and round once, so they agree to float32
// rounding: max |Δ| ≤ 1e-5 · max(1, max |reference|).
const TOL = 1e-5;

function tensors(c: GradCase, depthwise: boolean) {
  const out = outputShape(c, depthwise);
  const filterShape: [number, number, number, number] = [c.k[0], c.k[1], c.x[3], c.out];
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  return {
    x: tf.tensor4d(seededValues(size(c.x), 1), c.x),
    dy: tf.tensor4d(seededValues(size(out), 2), out),
    w: tf.tensor4d(seededValues(size(filterShape), 3), filterShape),
    filterShape,
  };
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  const { maxDiff, scale } = compare(actual, expected);
  expect(maxDiff).toBeLessThanOrEqual(TOL * Math.max(1, scale));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerTrainingKernels('cpu');
});

describe('cpu training kernels', () => {
  it('replace tfjs kernels and keep the originals', () => {
    for (const name of [
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
    ]) {
      expect(isTrainingKernelRegistered(name, 'cpu')).toBe(true);
      expect(replacedKernel(name, 'cpu')).toBeTypeOf('function');
    }
    // Plus the fused batch-norm training kernels and the Adam update, which tfjs does not have.
    expect([...registerTrainingKernels('cpu')].sort()).toEqual([
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
      'UnetStudioAdamUpdate',
      'UnetStudioBatchNormTraining',
      'UnetStudioBatchNormTrainingGrad',
    ]);
  });

  it.each(UNDILATED_CASES)('Conv2DBackpropFilter matches tfjs cpu: $name', (c) => {
    const { x, dy, filterShape } = tensors(c, false);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape };
    const mine = tf.engine().runKernel<tf.Tensor>('Conv2DBackpropFilter', { x, dy }, attrs);
    const reference = runKernelFunc(
      replacedKernel('Conv2DBackpropFilter', 'cpu')!,
      { x, dy },
      attrs,
    );
    expect(mine.shape).toEqual(filterShape);
    expectClose(mine.dataSync(), reference);
    tf.dispose([x, dy, mine]);
  });

  it.each(UNDILATED_CASES)('depthwise gradients match tfjs cpu: $name', (c) => {
    const { x, dy, w, filterShape } = tensors(c, true);
    const common = { strides: c.stride, pad: c.pad, dilations: 1 };
    const fAttrs = { ...common, filterShape };
    const iAttrs = { ...common, inputShape: c.x };
    const dW = tf
      .engine()
      .runKernel<tf.Tensor>('DepthwiseConv2dNativeBackpropFilter', { x, dy }, fAttrs);
    const dX = tf
      .engine()
      .runKernel<tf.Tensor>('DepthwiseConv2dNativeBackpropInput', { dy, filter: w }, iAttrs);
    const refW = runKernelFunc(
      replacedKernel('DepthwiseConv2dNativeBackpropFilter', 'cpu')!,
      { x, dy },
      fAttrs,
    );
    const refX = runKernelFunc(
      replacedKernel('DepthwiseConv2dNativeBackpropInput', 'cpu')!,
      { dy, filter: w },
      iAttrs,
    );
    expectClose(dW.dataSync(), refW);
    expectClose(dX.dataSync(), refX);
    tf.dispose([x, dy, w, dW, dX]);
  });

  // tfjs's cpu depthwise gradients ignore dilation, so dilated cases are checked against the
  // forward op probed with one-hot filters and inputs.
  it.each(DILATED_CASES)('depthwise gradients honour dilation: $name', (c) => {
    const { x, dy, w, filterShape } = tensors(c, true);
    const fwd = (a: tf.Tensor4D, b: tf.Tensor4D) =>
      tf.depthwiseConv2d(a, b, c.stride, c.pad, 'NHWC', c.dilation);
    const common = { strides: c.stride, pad: c.pad, dilations: c.dilation };
    const dW = tf
      .engine()
      .runKernel<tf.Tensor>(
        'DepthwiseConv2dNativeBackpropFilter',
        { x, dy },
        { ...common, filterShape },
      );
    const dX = tf
      .engine()
      .runKernel<tf.Tensor>(
        'DepthwiseConv2dNativeBackpropInput',
        { dy, filter: w },
        { ...common, inputShape: c.x },
      );
    expectClose(dW.dataSync(), probeFilterGradient(fwd, x, dy, filterShape));
    expectClose(dX.dataSync(), probeInputGradient(fwd, w, dy, c.x));
    tf.dispose([x, dy, w, dW, dX]);
  });

  it.each(DILATED_CASES)('the conv filter gradient honours dilation: $name', (c) => {
    const { x, dy, filterShape } = tensors(c, false);
    const fwd = (a: tf.Tensor4D, b: tf.Tensor4D) =>
      tf.conv2d(a, b, c.stride, c.pad, 'NHWC', c.dilation);
    const g = convGeometry(c.x, filterShape, c.stride, c.dilation, c.pad, undefined, false);
    expectClose(
      conv2dBackpropFilterNHWC(x.dataSync(), dy.dataSync(), g),
      probeFilterGradient(fwd, x, dy, filterShape),
    );
    tf.dispose([x, dy]);
  });

  it('gives tf.grad of a conv the same filter gradient as tfjs cpu', () => {
    const x = tf.tensor4d(seededValues(2 * 11 * 13 * 3, 4), [2, 11, 13, 3]);
    const w = tf.tensor4d(seededValues(3 * 3 * 3 * 8, 5), [3, 3, 3, 8]);
    const grad = tf.grad((wt: tf.Tensor) =>
      tf.sum(tf.square(tf.conv2d(x, wt as tf.Tensor4D, 2, 'same'))),
    );
    const mine = grad(w);
    const y = tf.conv2d(x, w, 2, 'same');
    const dy = tf.mul(y, 2);
    const attrs = { strides: 2, pad: 'same', dataFormat: 'NHWC', filterShape: w.shape };
    expectClose(
      mine.dataSync(),
      runKernelFunc(replacedKernel('Conv2DBackpropFilter', 'cpu')!, { x, dy }, attrs),
    );
    tf.dispose([x, w, mine, y, dy]);
  });

  it('reports a missing attribute by name', () => {
    const x = tf.zeros([1, 4, 4, 1]);
    const dy = tf.zeros([1, 4, 4, 1]);
    expect(() =>
      tf
        .engine()
        .runKernel(
          'Conv2DBackpropFilter',
          { x, dy },
          { strides: 1, pad: 'same', dataFormat: 'NHWC' },
        ),
    ).toThrow(/filterShape/);
    tf.dispose([x, dy]);
  });
});
