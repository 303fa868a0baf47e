/**
 * Training kernels for the cpu and wasm backends (tfjs-facts §2.2–2.3).
 */
export {
  registerTrainingKernels,
  replacedKernel,
  isTrainingKernelRegistered,
  withTfjsKernels,
} from './registerTrainingKernels';
export { FastBatchNormalization, registerFastBatchNormalization } from './FastBatchNormalization';
export { batchNormTraining, hasBatchNormTraining } from './batchNormTrainingOp';
export type { BatchNormTrainingResult } from './batchNormTrainingOp';
export { conv2dBackpropFilterNHWC } from './conv2dBackpropFilterImpl';
export { depthwiseBackpropFilterNHWC, depthwiseBackpropInputNHWC } from './depthwiseBackpropImpl';
export { convGeometry, type ConvGeometry } from './convGeometry';
