/**
 * Faster training kernels for tfjs's pure-JS `cpu` backend. They replace tfjs's versions,
 * which read every element through `TensorBuffer.get` (Conv2DBackpropFilter is ~70× slower than
 * the forward conv), and the depthwise ones also honour dilation, which tfjs's cpu kernels ignore.
 */
import type * as tf from '@tensorflow/tfjs';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { conv2dBackpropFilterNHWC } from './conv2dBackpropFilterImpl';
import { depthwiseBackpropFilterNHWC, depthwiseBackpropInputNHWC } from './depthwiseBackpropImpl';
import { filterGradCall, inputGradCall, type KernelArgs } from './kernelArgs';

function values(backend: MathBackendCPU, t: tf.TensorInfo): ArrayLike<number> {
  return backend.data.get(t.dataId).values as ArrayLike<number>;
}

/** Conv2DBackpropFilter on cpu: im2col + GEMM on typed arrays. */
function conv2DBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const kernel = 'Conv2DBackpropFilter';
  const backend = args.backend as MathBackendCPU;
  const { x, dy, filterShape, g } = filterGradCall(args, kernel, false);
  const dw = conv2dBackpropFilterNHWC(values(backend, x), values(backend, dy), g);
  return backend.makeTensorInfo(filterShape, 'float32', dw);
}

/** DepthwiseConv2dNativeBackpropFilter on cpu, with dilation. */
function depthwiseFilter(args: KernelArgs): tf.TensorInfo {
  const kernel = 'DepthwiseConv2dNativeBackpropFilter';
  const backend = args.backend as MathBackendCPU;
  const { x, dy, filterShape, g } = filterGradCall(args, kernel, true);
  const dw = depthwiseBackpropFilterNHWC(values(backend, x), values(backend, dy), g);
  return backend.makeTensorInfo(filterShape, 'float32', dw);
}

/** DepthwiseConv2dNativeBackpropInput on cpu, with dilation. */
function depthwiseInput(args: KernelArgs): tf.TensorInfo {
  const kernel = 'DepthwiseConv2dNativeBackpropInput';
  const backend = args.backend as MathBackendCPU;
  const { dy, filter, inputShape, g } = inputGradCall(args, kernel, true);
  const dx = depthwiseBackpropInputNHWC(values(backend, dy), values(backend, filter), g);
  return backend.makeTensorInfo(inputShape, 'float32', dx);
}

/** The kernels U-Net Studio registers on the `cpu` backend. */
export const CPU_TRAINING_KERNELS: readonly tf.KernelConfig[] = [
  { kernelName: 'Conv2DBackpropFilter', backendName: 'cpu', kernelFunc: conv2DBackpropFilter },
  {
    kernelName: 'DepthwiseConv2dNativeBackpropFilter',
    backendName: 'cpu',
    kernelFunc: depthwiseFilter,
  },
  {
    kernelName: 'DepthwiseConv2dNativeBackpropInput',
    backendName: 'cpu',
    kernelFunc: depthwiseInput,
  },
];
