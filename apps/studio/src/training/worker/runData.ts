/**
 * A browser run's data as the CLI's `train` makes it: class weights from the whole set, the
 * `val/` folder or a seeded split for validation, and the design's augmentation with the run's
 * seed (the same per-sample seeds as the CLI, so one seed augments alike in both).
 */
import type { Design } from '@unet-studio/compiler';
import {
  classWeightsOf,
  makeAugmenter,
  splitData,
  withClassWeights,
  type Augmenter,
  type SegmentationData,
} from '@unet-studio/runtime';
import type { TrainSettings } from '../settings';

/** The training and validation sets of a run. */
export interface RunSets {
  readonly train: SegmentationData;
  readonly validation: SegmentationData | null;
  /** The class weights in force (none when unweighted). */
  readonly classWeights: readonly number[] | null;
}

/**
 * Splits `data` (unless a `validation` set came with it) and weighs classes as `settings` say.
 *
 * @throws when manual class weights do not give one number per class.
 */
export function runSets(
  data: SegmentationData,
  validation: SegmentationData | undefined,
  settings: TrainSettings,
): RunSets {
  const weighting = settings.classWeights ?? 'none';
  const weights = weighting === 'none' ? null : classWeightsOf(data, weighting);
  const weigh = (d: SegmentationData) => (weights === null ? d : withClassWeights(d, weights));
  const sets = validation
    ? { train: data, validation }
    : splitData(data, settings.validationSplit, settings.seed ?? 0);
  return {
    train: weigh(sets.train),
    validation: sets.validation === null ? null : weigh(sets.validation),
    classWeights: weights,
  };
}

/**
 * The run's augmentation (the design's `training.augment`, seeded by the run's seed), or null
 * when every family is off.
 *
 * @throws when augmentation is on for 1D data.
 */
export function runAugmenter(
  design: Design,
  settings: TrainSettings,
  data: SegmentationData,
): Augmenter | null {
  const augmenter = makeAugmenter(design.training.augment, settings.seed ?? 0);
  if (augmenter !== null && data.inputShape.length !== 3)
    throw new Error('augmentation works on 2D images; switch it off for this 1D design');
  return augmenter;
}
