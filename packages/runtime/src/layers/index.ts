/** Custom tfjs layers used by the model builder, and their registration. */
export { AlphaELU } from './AlphaELU';
export type { AlphaELUArgs } from './AlphaELU';
export { atrousConv2d } from './atrousConv2d';
export type { AtrousOptions } from './atrousConv2d';
export { BilinearResize } from './BilinearResize';
export type { BilinearResizeArgs } from './BilinearResize';
export { DilatedConv2D } from './DilatedConv2D';
export type { DilatedConv2DArgs } from './DilatedConv2D';
export { GroupNormalization, InstanceNormalization } from './GroupNormalization';
export type { GroupNormalizationArgs, InstanceNormalizationArgs } from './GroupNormalization';
export { OpenCropping2D } from './OpenCropping2D';
export type { OpenCropping2DArgs } from './OpenCropping2D';
export { KERNEL_INITIALIZERS, makeInitializer } from './initializers';
export type { KernelInitializer } from './initializers';
export { interpolationMatrix, resizeBilinearTrainable } from './resizeBilinearTrainable';
export { CUSTOM_LAYER_CLASSES, registerCustomLayers } from './register';
