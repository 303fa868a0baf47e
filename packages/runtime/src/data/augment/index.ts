/**
 * Data augmentation: per-sample, seeded, identical for image and mask.
 */
export { augmentSample, augmentEnabled, type AugmentSample } from './augmentSample';
export {
  augmentData,
  makeAugmenter,
  sampleSeed,
  type AugmentAt,
  type Augmenter,
} from './augmentData';
export { parseAugmentList } from './parseAugmentList';
export {
  drawElasticField,
  interpolateGrid,
  cubicWeight,
  ELASTIC_GRID,
  type DisplacementField,
} from './elastic';
export { reflectIndex } from './sampling';
