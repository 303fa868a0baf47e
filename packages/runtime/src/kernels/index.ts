/**
 * Training kernels for the cpu and wasm backends (tfjs-facts §2.2–2.3).
 */
export {
  registerTrainingKernels,
  replacedKernel,
  isTrainingKernelRegistered,
} from './registerTrainingKernels';
export { conv2dBackpropFilterNHWC } from './conv2dBackpropFilterImpl';
export { depthwiseBackpropFilterNHWC, depthwiseBackpropInputNHWC } from './depthwiseBackpropImpl';
export { convGeometry, type ConvGeometry } from './convGeometry';
