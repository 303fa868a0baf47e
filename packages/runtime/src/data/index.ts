/**
 * Data: the in-memory data set, synthetic generators, and images + masks from files.
 */
export {
  validateData,
  subset,
  splitData,
  toTensors,
  sampleSizes,
  labelsToTargets,
  type SegmentationData,
} from './dataset';
export { createRandom, permutation, type Random } from './random';
export { makeSyntheticShapes, SHAPE_KINDS, type SyntheticShapesOptions } from './synthetic';
export { makeSyntheticSignals, PULSE_KINDS, type SyntheticSignalsOptions } from './signals';
export {
  pairImageFiles,
  classifyImagePath,
  IMAGE_EXTENSIONS,
  MASK_FOLDERS,
  type ImagePair,
  type SkippedFile,
  type Pairing,
} from './pairing';
export {
  resizeBilinear,
  resizeNearest,
  imageToInput,
  maskToLabels,
  type DecodedImage,
  type ImageDecoder,
} from './imageOps';
export {
  buildImageDataset,
  type ImageDatasetOptions,
  type ImageDatasetReport,
} from './imageDataset';
export { checkAllocation, formatBytes, MAX_ARRAY_VALUES } from './allocation';
export {
  MAX_IMAGE_PIXELS,
  checkImagePixels,
  guardImageDecoder,
  readImageHeader,
  type ImageFormat,
  type ImageHeader,
} from './imageLimits';
export { decodeImageInBrowser, readImageFiles, type FileLike } from './browserImages';
export {
  readImageSet,
  type ImageSet,
  type ImageSetOptions,
  type MaskCodingName,
} from './browserDataSet';
export { decodePng16, isPng16 } from './decodePng16';
export { splitPaths, splitSetOf, SPLIT_SETS, type PathSplit, type SplitSet } from './splitPaths';
export { syntheticFor, sampleSpecOf, type SampleSpec } from './syntheticFor';
export * from './augment/index';
export { DEFAULT_SYNTHETIC_SAMPLES } from './defaults';
export {
  vocColormap,
  VOC_VOID,
  legendFromMasks,
  colorMaskToLabels,
  vocMaskToLabels,
  maskLabelsFor,
  colorHex,
  type ColorLegend,
  type MaskCoding,
  type PackedColor,
} from './maskColors';
export {
  withClassWeights,
  classWeightsOf,
  classPixelCounts,
  type ClassWeighting,
} from './classWeights';
