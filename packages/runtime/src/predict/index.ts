/**
 * Prediction at full resolution: overlap-tile (valid padding), blended tiles (same padding) or
 * one pass over the whole image.
 */
export {
  predictFullSize,
  predictFullSizeSteps,
  type FullSizeOptions,
  type TileProgress,
  type FullSizePrediction,
  type InputImage,
  type TileMode,
} from './predictFullSize';
export {
  segmentFullSize,
  type SegmentFullSizeOptions,
  type FullSizeSegmentation,
} from './segmentFullSize';
export { networkGeometry, validAtLeast, type NetworkGeometry } from './tileGeometry';
export { planAxis, blendWindow, type AxisPlan } from './tilePlan';
export { parseTileOption } from './parseTileOption';
