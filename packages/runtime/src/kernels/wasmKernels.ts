/**
 * Training kernels the tfjs `wasm` backend lacks (tfjs-facts §2.2): without them any conv layer
 * fails in training with "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'".
 *
 * - Conv2DBackpropFilter runs on wasm's own (XNNPACK) convolution: the filter gradient is a
 *   convolution of the transposed input [inC, H, W, B] with the transposed output gradient
 *   [outH, outW, B, outC] as the filter, with stride = the forward dilation and dilation = the
 *   forward stride; its [inC, kh', kw', outC] result is cropped to the filter size and
 *   transposed to [kh, kw, inC, outC].
 * - Conv2DBackpropInput (tfjs has one, in plain loops) is replaced by a polyphase version on
 *   XNNPACK (wasmConv2DBackpropInput.ts).
 * - The depthwise gradients (separable convs) run the typed-array loops on the wasm heap.
 * - MaxPoolGrad replaces tfjs's, which misroutes gradients in windows whose maximum is ≤ 0.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { depthwiseBackpropFilterNHWC, depthwiseBackpropInputNHWC } from './depthwiseBackpropImpl';
import { convGradAttrs, gradGeometry, kernelInput, type KernelArgs } from './kernelArgs';
import { wasmConv2DBackpropInput } from './wasmConv2DBackpropInput';
import { WASM_MAX_POOL_GRAD } from './wasmMaxPoolGrad';

function wasmKernel(name: string): tf.KernelFunc {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) throw new Error(`wasm backend: kernel ${name} is not registered`);
  return config.kernelFunc;
}

function single(out: tf.TensorInfo | tf.TensorInfo[], kernel: string): tf.TensorInfo {
  if (Array.isArray(out)) throw new Error(`wasm backend: ${kernel} returned several tensors`);
  return out;
}

function shape4(
  kernel: string,
  name: string,
  s: number[] | undefined,
): [number, number, number, number] {
  if (s === undefined || s.length !== 4) throw new Error(`${kernel}: missing attribute "${name}"`);
  return s as [number, number, number, number];
}

/** Conv2DBackpropFilter on wasm, built on wasm's Transpose and Conv2D kernels. */
function conv2DBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const kernel = 'Conv2DBackpropFilter';
  const backend = args.backend as BackendWasm;
  const x = kernelInput(args, 'x', kernel);
  const dy = kernelInput(args, 'dy', kernel);
  const attrs = convGradAttrs(args);
  const filterShape = shape4(kernel, 'filterShape', attrs.filterShape);
  const g = gradGeometry(kernel, x.shape, filterShape, { ...attrs, dilations: 1 }, false);
  const transpose = wasmKernel('Transpose');
  const conv = wasmKernel('Conv2D');
  const xT = single(
    transpose({ inputs: { x }, backend, attrs: { perm: [3, 1, 2, 0] } }),
    'Transpose',
  );
  const dyT = single(
    transpose({ inputs: { x: dy }, backend, attrs: { perm: [1, 2, 0, 3] } }),
    'Transpose',
  );
  // Pad the far side just enough for kh (kw) output rows; rows beyond that are cropped below.
  const padBottom = Math.max(
    0,
    (g.filterH - 1) * g.dilationH + (g.outH - 1) * g.strideH + 1 - g.inH - g.padTop,
  );
  const padRight = Math.max(
    0,
    (g.filterW - 1) * g.dilationW + (g.outW - 1) * g.strideW + 1 - g.inW - g.padLeft,
  );
  let raw: tf.TensorInfo;
  try {
    raw = single(
      conv({
        inputs: { x: xT, filter: dyT },
        backend,
        attrs: {
          strides: [g.dilationH, g.dilationW],
          dilations: [g.strideH, g.strideW],
          pad: [
            [0, 0],
            [g.padTop, padBottom],
            [g.padLeft, padRight],
            [0, 0],
          ],
          dataFormat: 'NHWC',
        },
      }),
      'Conv2D',
    );
  } finally {
    backend.disposeData(xT.dataId);
    backend.disposeData(dyT.dataId);
  }
  const out = backend.makeOutput(filterShape, 'float32');
  // Views of the heap are taken after the last allocation (an allocation may grow the heap).
  const src = backend.typedArrayFromHeap(raw);
  const dst = backend.typedArrayFromHeap(out);
  const [, rawH, rawW] = raw.shape as [number, number, number, number];
  const { filterH, filterW, inC, outC } = g;
  for (let kh = 0; kh < filterH; kh++) {
    for (let kw = 0; kw < filterW; kw++) {
      for (let c = 0; c < inC; c++) {
        const s = ((c * rawH + kh) * rawW + kw) * outC;
        const d = ((kh * filterW + kw) * inC + c) * outC;
        dst.set(src.subarray(s, s + outC), d);
      }
    }
  }
  backend.disposeData(raw.dataId);
  return out;
}

function heapValues(backend: BackendWasm, t: tf.TensorInfo): ArrayLike<number> {
  return backend.typedArrayFromHeap(t);
}

/** DepthwiseConv2dNativeBackpropFilter on wasm. */
function depthwiseFilter(args: KernelArgs): tf.TensorInfo {
  const kernel = 'DepthwiseConv2dNativeBackpropFilter';
  const backend = args.backend as BackendWasm;
  const x = kernelInput(args, 'x', kernel);
  const dy = kernelInput(args, 'dy', kernel);
  const attrs = convGradAttrs(args);
  const filterShape = shape4(kernel, 'filterShape', attrs.filterShape);
  const g = gradGeometry(kernel, x.shape, filterShape, attrs, true);
  const dw = depthwiseBackpropFilterNHWC(heapValues(backend, x), heapValues(backend, dy), g);
  const out = backend.makeOutput(filterShape, 'float32');
  backend.typedArrayFromHeap(out).set(dw);
  return out;
}

/** DepthwiseConv2dNativeBackpropInput on wasm. */
function depthwiseInput(args: KernelArgs): tf.TensorInfo {
  const kernel = 'DepthwiseConv2dNativeBackpropInput';
  const backend = args.backend as BackendWasm;
  const dy = kernelInput(args, 'dy', kernel);
  const filter = kernelInput(args, 'filter', kernel);
  const attrs = convGradAttrs(args);
  const inputShape = shape4(kernel, 'inputShape', attrs.inputShape);
  const g = gradGeometry(kernel, inputShape, filter.shape, attrs, true);
  const dx = depthwiseBackpropInputNHWC(heapValues(backend, dy), heapValues(backend, filter), g);
  const out = backend.makeOutput(inputShape, 'float32');
  backend.typedArrayFromHeap(out).set(dx);
  return out;
}

/** The kernels U-Net Studio registers on the `wasm` backend. */
export const WASM_TRAINING_KERNELS: readonly tf.KernelConfig[] = [
  {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: conv2DBackpropFilter,
  },
  { kernelName: 'Conv2DBackpropInput', backendName: 'wasm', kernelFunc: wasmConv2DBackpropInput },
  {
    kernelName: 'DepthwiseConv2dNativeBackpropFilter',
    backendName: 'wasm',
    kernelFunc: depthwiseFilter,
  },
  {
    kernelName: 'DepthwiseConv2dNativeBackpropInput',
    backendName: 'wasm',
    kernelFunc: depthwiseInput,
  },
  WASM_MAX_POOL_GRAD,
];
