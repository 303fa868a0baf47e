import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
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
import {
  isTrainingKernelRegistered,
  registerTrainingKernels,
  replacedKernel,
} from './registerTrainingKernels';

// Tolerance: XNNPACK accumulates in float32, so wasm agrees with tfjs's float64-accumulating cpu
// kernels to max |Δ| ≤ 1e-4 · max(1, max |reference|).
const TOL = 1e-4;

interface Data {
  x: Float32Array;
  dy: Float32Array;
  w: Float32Array;
  filterShape: [number, number, number, number];
  dyShape: [number, number, number, number];
}

function data(c: GradCase, depthwise: boolean): Data {
  const dyShape = outputShape(c, depthwise);
  const filterShape: [number, number, number, number] = [c.k[0], c.k[1], c.x[3], c.out];
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  return {
    x: seededValues(size(c.x), 11),
    dy: seededValues(size(dyShape), 12),
    w: seededValues(size(filterShape), 13),
    filterShape,
    dyShape,
  };
}

interface Expected {
  conv?: Float32Array;
  convInput?: Float32Array;
  dW: Float32Array;
  dX: Float32Array;
}

const expected = new Map<string, Expected>();

function references(c: GradCase, dilated: boolean): Expected {
  const d = data(c, false);
  const dd = data(c, true);
  return tf.tidy(() => {
    const x = tf.tensor4d(d.x, c.x);
    const xd = tf.tensor4d(dd.x, c.x);
    const dyd = tf.tensor4d(dd.dy, dd.dyShape);
    const wd = tf.tensor4d(dd.w, dd.filterShape);
    const common = { strides: c.stride, pad: c.pad, dilations: c.dilation };
    if (dilated) {
      const fwd = (a: tf.Tensor4D, b: tf.Tensor4D) =>
        tf.depthwiseConv2d(a, b, c.stride, c.pad, 'NHWC', c.dilation);
      return {
        dW: probeFilterGradient(fwd, xd, dyd, dd.filterShape),
        dX: probeInputGradient(fwd, wd, dyd, c.x),
      };
    }
    const dy = tf.tensor4d(d.dy, d.dyShape);
    const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: d.filterShape };
    const w = tf.tensor4d(d.w, d.filterShape);
    return {
      conv: runKernelFunc(replacedKernel('Conv2DBackpropFilter', 'cpu')!, { x, dy }, attrs),
      convInput: tf
        .engine()
        .runKernel<tf.Tensor>(
          'Conv2DBackpropInput',
          { dy, filter: w },
          { ...attrs, inputShape: c.x },
        )
        .dataSync() as Float32Array,
      dW: runKernelFunc(
        replacedKernel('DepthwiseConv2dNativeBackpropFilter', 'cpu')!,
        { x: xd, dy: dyd },
        {
          ...common,
          filterShape: dd.filterShape,
        },
      ),
      dX: runKernelFunc(
        replacedKernel('DepthwiseConv2dNativeBackpropInput', 'cpu')!,
        { dy: dyd, filter: wd },
        {
          ...common,
          inputShape: c.x,
        },
      ),
    };
  });
}

function expectClose(actual: ArrayLike<number>, reference: ArrayLike<number> | undefined): void {
  if (reference === undefined) throw new Error('no reference computed');
  const { maxDiff, scale } = compare(actual, reference);
  expect(maxDiff).toBeLessThanOrEqual(TOL * Math.max(1, scale));
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  registerTrainingKernels('cpu');
  for (const c of UNDILATED_CASES) expected.set(c.name, references(c, false));
  for (const c of DILATED_CASES) expected.set(c.name, references(c, true));
  expect(await tf.setBackend('wasm')).toBe(true);
  registerTrainingKernels('wasm');
});

describe('wasm training kernels', () => {
  it('fill the kernels the wasm backend lacks and replace its slow input gradient', () => {
    for (const name of [
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
    ]) {
      expect(isTrainingKernelRegistered(name, 'wasm')).toBe(true);
      expect(replacedKernel(name, 'wasm')).toBeUndefined();
    }
    expect(isTrainingKernelRegistered('Conv2DBackpropInput', 'wasm')).toBe(true);
    expect(replacedKernel('Conv2DBackpropInput', 'wasm')).toBeTypeOf('function');
  });

  it.each(UNDILATED_CASES)('Conv2DBackpropInput matches tfjs cpu: $name', (c) => {
    const d = data(c, false);
    const dX = tf.tidy(() => {
      const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x };
      const inputs = { dy: tf.tensor4d(d.dy, d.dyShape), filter: tf.tensor4d(d.w, d.filterShape) };
      return tf.engine().runKernel<tf.Tensor>('Conv2DBackpropInput', inputs, attrs).dataSync();
    });
    expectClose(dX, expected.get(c.name)?.convInput);
  });

  it.each([
    { x: [2, 11, 10, 3], k: [5, 4], s: [3, 2], pad: 'same' },
    { x: [1, 9, 9, 2], k: [1, 1], s: [3, 3], pad: 'valid' },
    { x: [2, 8, 8, 4], k: [2, 2], s: [2, 2], pad: 'same' },
    { x: [1, 10, 7, 3], k: [3, 2], s: [2, 3], pad: 'valid' },
  ] as const)(
    'Conv2DBackpropInput matches the original wasm kernel: k $k, stride $s, $pad',
    ({ x, k, s, pad }) => {
      const inputShape = [...x] as [number, number, number, number];
      const filterShape: [number, number, number, number] = [k[0], k[1], x[3], 5];
      const dyShape = tf.backend_util.computeConv2DInfo(
        inputShape,
        filterShape,
        [s[0], s[1]],
        1,
        pad,
      ).outShape;
      const attrs = { strides: [s[0], s[1]], pad, dataFormat: 'NHWC', inputShape };
      const dy = tf.tensor4d(
        seededValues(
          dyShape.reduce((a, b) => a * b, 1),
          31,
        ),
        dyShape,
      );
      const filter = tf.tensor4d(
        seededValues(
          filterShape.reduce((a, b) => a * b, 1),
          32,
        ),
        filterShape,
      );
      const mine = tf.engine().runKernel<tf.Tensor>('Conv2DBackpropInput', { dy, filter }, attrs);
      expect(mine.shape).toEqual(inputShape);
      expectClose(
        mine.dataSync(),
        runKernelFunc(replacedKernel('Conv2DBackpropInput', 'wasm')!, { dy, filter }, attrs),
      );
      tf.dispose([dy, filter, mine]);
    },
  );

  it.each(UNDILATED_CASES)('Conv2DBackpropFilter matches tfjs cpu: $name', (c) => {
    const d = data(c, false);
    const dW = tf.tidy(() => {
      const attrs = {
        strides: c.stride,
        pad: c.pad,
        dataFormat: 'NHWC',
        filterShape: d.filterShape,
      };
      const out = tf
        .engine()
        .runKernel(
          'Conv2DBackpropFilter',
          { x: tf.tensor4d(d.x, c.x), dy: tf.tensor4d(d.dy, d.dyShape) },
          attrs,
        );
      return (out as tf.Tensor).dataSync();
    });
    expectClose(dW, expected.get(c.name)?.conv);
  });

  it.each([...UNDILATED_CASES, ...DILATED_CASES])(
    'depthwise gradients match the reference: $name',
    (c) => {
      const d = data(c, true);
      const common = { strides: c.stride, pad: c.pad, dilations: c.dilation };
      const [dW, dX] = tf.tidy(() => {
        const x = tf.tensor4d(d.x, c.x);
        const dy = tf.tensor4d(d.dy, d.dyShape);
        const filter = tf.tensor4d(d.w, d.filterShape);
        const w = tf
          .engine()
          .runKernel(
            'DepthwiseConv2dNativeBackpropFilter',
            { x, dy },
            { ...common, filterShape: d.filterShape },
          );
        const i = tf
          .engine()
          .runKernel(
            'DepthwiseConv2dNativeBackpropInput',
            { dy, filter },
            { ...common, inputShape: c.x },
          );
        return [(w as tf.Tensor).dataSync(), (i as tf.Tensor).dataSync()];
      });
      expectClose(dW, expected.get(c.name)?.dW);
      expectClose(dX, expected.get(c.name)?.dX);
    },
  );

  it('trains a conv + separable conv model on wasm without leaking tensors', () => {
    const input = tf.input({ shape: [12, 10, 3] });
    const a = tf.layers
      .conv2d({ filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' })
      .apply(input);
    const b = tf.layers
      .separableConv2d({ filters: 2, kernelSize: 3, padding: 'same' })
      .apply(a) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: b });
    const optimizer = tf.train.sgd(0.01);
    const x = tf.tensor4d(seededValues(2 * 12 * 10 * 3, 21), [2, 12, 10, 3]);
    const y = tf.tensor4d(seededValues(2 * 12 * 10 * 2, 22), [2, 12, 10, 2]);
    const lossAt = () =>
      tf.tidy(() => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor).dataSync()[0]!);
    const before = lossAt();
    optimizer.minimize(() =>
      tf.losses.meanSquaredError<tf.Tensor, tf.Scalar>(y, model.apply(x) as tf.Tensor),
    );
    const tensorsAfterFirst = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      optimizer.minimize(() =>
        tf.losses.meanSquaredError<tf.Tensor, tf.Scalar>(y, model.apply(x) as tf.Tensor),
      );
    }
    expect(tf.memory().numTensors).toBe(tensorsAfterFirst);
    expect(lossAt()).toBeLessThan(before);
    tf.dispose([x, y]);
    optimizer.dispose();
    model.dispose();
  });
});
