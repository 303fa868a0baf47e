/** heliaEDGE's UNetParams config (seed 001): import and export. */
export * from './schema';
export { canonicalUNetParams } from './canonical';
export {
  unetParamsToDesign,
  designSize,
  heliaNorm,
  heliaActivation,
  leftoverDilation,
  UNET_PARAMS_EXTRAS,
  type UNetInputShape,
} from './toDesign';
export { designToUNetParams, type UNetParamsExport } from './fromDesign';
export * from './document';
export { locateUNet, type UNetLocation, type UNetDocumentKind } from './locate';
export { UNET_PARAMS_SOURCE_EXTRAS } from './sourceExtras';
