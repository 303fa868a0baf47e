/**
 * Training: the loop, losses, metrics, optimizers, weight maps and evaluation.
 */
export {
  train,
  trainStep,
  localGradients,
  divergenceLimit,
  DIVERGENCE_FACTOR,
  DIVERGENCE_FLOOR,
} from './train';
export { checkDataValues, DataValueError } from './dataValues';
export { evaluate, type EvaluateOptions, type Evaluation } from './evaluate';
export {
  TrainingError,
  type TrainOptions,
  type BatchProgress,
  type EpochRecord,
  type TrainHistory,
  type GradientContext,
  type StepContext,
  type BatchGradients,
  type GradientSource,
  type GradientSourceFactory,
} from './types';
export {
  LOSS_NAMES,
  isLossName,
  makeLoss,
  lossNeedsWeights,
  bceWithLogits,
  bceOnProbabilities,
  crossEntropyWithLogits,
  crossEntropyOnProbabilities,
  softDiceLoss,
  toProbabilities,
  type LossName,
  type LossFn,
  type HeadActivation,
} from './losses';
export {
  segmentationMetrics,
  metricsFromCounts,
  countsTensor,
  readCounts,
  addCounts,
  type SegmentationMetrics,
  type ClassScores,
  type ConfusionCounts,
} from './metrics';
export {
  OPTIMIZER_NAMES,
  isOptimizerName,
  makeOptimizer,
  disposeOptimizer,
  setLearningRate,
  learningRateOf,
  type OptimizerName,
} from './optimizers';
export { createPlateauScheduler, type PlateauOptions, type PlateauScheduler } from './plateau';
export {
  borderWeightMap,
  withBorderWeights,
  targetLabels,
  type BorderWeightOptions,
} from './borderWeights';
export { distanceTransform, connectedComponents } from './distanceTransform';
export { detectHead, checkModelFitsData, targetsForModel } from './modelChecks';
export { segmentImage, type SegmentedImage } from './segmentImage';
export { formatDuration, batchLine, epochLine } from './progressText';
