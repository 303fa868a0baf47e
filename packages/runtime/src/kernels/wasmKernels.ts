/**
 * Training kernels the tfjs `wasm` backend lacks (tfjs-facts §2.2): without them any conv layer
 * fails in training with "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'".
 *
 * - Conv2DBackpropFilter runs on XNNPACK, as one matrix product per filter tap or as one
 *   convolution (wasmConv2DBackpropFilter.ts).
 * - Conv2DBackpropInput (tfjs has one, in plain loops) is replaced by a polyphase version on
 *   XNNPACK (wasmConv2DBackpropInput.ts).
 * - The depthwise gradients (separable convs) run the typed-array loops on the wasm heap.
 * - MaxPoolGrad replaces tfjs's, which misroutes gradients in windows whose maximum is ≤ 0.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { depthwiseBackpropFilterNHWC, depthwiseBackpropInputNHWC } from './depthwiseBackpropImpl';
import { filterGradCall, inputGradCall, type KernelArgs } from './kernelArgs';
import { wasmConv2DBackpropFilter } from './wasmConv2DBackpropFilter';
import { wasmConv2DBackpropInput } from './wasmConv2DBackpropInput';
import { WASM_MAX_POOL_GRAD } from './wasmMaxPoolGrad';

function heapValues(backend: BackendWasm, t: tf.TensorInfo): ArrayLike<number> {
  return backend.typedArrayFromHeap(t);
}

/** DepthwiseConv2dNativeBackpropFilter on wasm. */
function depthwiseFilter(args: KernelArgs): tf.TensorInfo {
  const kernel = 'DepthwiseConv2dNativeBackpropFilter';
  const backend = args.backend as BackendWasm;
  const { x, dy, filterShape, g } = filterGradCall(args, kernel, true);
  const dw = depthwiseBackpropFilterNHWC(heapValues(backend, x), heapValues(backend, dy), g);
  const out = backend.makeOutput(filterShape, 'float32');
  backend.typedArrayFromHeap(out).set(dw);
  return out;
}

/** DepthwiseConv2dNativeBackpropInput on wasm. */
function depthwiseInput(args: KernelArgs): tf.TensorInfo {
  const kernel = 'DepthwiseConv2dNativeBackpropInput';
  const backend = args.backend as BackendWasm;
  const { dy, filter, inputShape, g } = inputGradCall(args, kernel, true);
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
    kernelFunc: wasmConv2DBackpropFilter,
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
