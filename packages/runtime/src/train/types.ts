/**
 * The options, progress reports and results of a training run.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Augmenter } from '../data/augment/augmentData';
import type { SegmentationData } from '../data/dataset';
import type { BorderWeightOptions } from './borderWeights';
import type { HeadActivation, LossFn, LossName } from './losses';
import type { SegmentationMetrics } from './metrics';
import type { OptimizerName } from './optimizers';
import type { PlateauOptions } from './plateau';

/** Options of `train`. Every field has a default. */
export interface TrainOptions {
  /** Default 10. */
  readonly epochs?: number;
  /** Default 8. */
  readonly batchSize?: number;
  /** Default `bce` for a binary mask, `ce` for several classes. */
  readonly loss?: LossName;
  /** A name (default `adam`) or an optimizer you own (it is then not disposed). */
  readonly optimizer?: OptimizerName | tf.Optimizer;
  /** Default 1e-3. */
  readonly learningRate?: number;
  /** SGD momentum (default 0.9). */
  readonly momentum?: number;
  /** Fraction of `data` held out for validation (default 0.2); ignored with `validationData`. */
  readonly validationSplit?: number;
  readonly validationData?: SegmentationData;
  /** Seed of the split and the per-epoch shuffles (default 0). */
  readonly seed?: number;
  /** The head's activation; default: read from the model's output layer. */
  readonly head?: HeadActivation;
  /** Decision threshold for binary masks (default 0.5). */
  readonly threshold?: number;
  /** Reduce the learning rate when the (validation) loss plateaus: `true` for defaults. */
  readonly reduceOnPlateau?: boolean | PlateauOptions;
  /** Weight map options for the weighted losses (computed from the masks when missing). */
  readonly borderWeights?: BorderWeightOptions;
  /**
   * Per-batch augmentation of the training samples (validation data is never augmented): gets a
   * copy of the batch with each sample's index in the training set, returns the samples to
   * train on. See `makeAugmenter`.
   */
  readonly augment?: Augmenter;
  /** Aborting stops the run before the next batch; `train` then resolves with status `aborted`. */
  readonly signal?: AbortSignal;
  readonly onBatch?: (progress: BatchProgress) => void | Promise<void>;
  readonly onEpoch?: (record: EpochRecord) => void | Promise<void>;
}

/** Reported after every batch. */
export interface BatchProgress {
  /** 1-based. */
  readonly epoch: number;
  readonly epochs: number;
  /** 1-based. */
  readonly batch: number;
  readonly batches: number;
  readonly loss: number;
  /** Dice of this training batch. */
  readonly dice: number;
  readonly imagesPerSecond: number;
  /** Estimated seconds to the end of the run. */
  readonly etaSeconds: number;
  readonly learningRate: number;
}

/** One epoch's results (the fields of a design's run record, plus timing). */
export interface EpochRecord {
  /** 1-based. */
  readonly epoch: number;
  /** Mean training loss over the epoch's batches. */
  readonly loss: number;
  /** Training Dice and IoU, from counts summed over the epoch's batches. */
  readonly dice: number;
  readonly iou: number;
  readonly valLoss: number | null;
  readonly valDice: number | null;
  readonly valIoU: number | null;
  /** Full validation metrics (per class, accuracy). */
  readonly valMetrics: SegmentationMetrics | null;
  /** The learning rate used during this epoch. */
  readonly learningRate: number;
  readonly seconds: number;
  readonly imagesPerSecond: number;
}

/** What `train` returns. */
export interface TrainHistory {
  readonly status: 'completed' | 'aborted';
  readonly epochs: readonly EpochRecord[];
  readonly seconds: number;
  /** The tfjs backend the run used. */
  readonly backend: string;
  readonly loss: LossName;
  readonly head: HeadActivation;
}

/** A run stopped because training broke (NaN/Inf loss); says where. */
export class TrainingError extends Error {
  /** 1-based epoch and batch where it happened. */
  readonly epoch: number;
  readonly batch: number;

  constructor(message: string, epoch: number, batch: number) {
    super(message);
    this.name = 'TrainingError';
    this.epoch = epoch;
    this.batch = batch;
  }
}

/** What computing a batch's gradients needs: the model, its variables, the loss and the counts. */
export interface GradientContext {
  readonly model: tf.LayersModel;
  /** The trainable variables, in `model.trainableWeights` order. */
  readonly variables: tf.Variable[];
  readonly loss: LossFn;
  readonly head: HeadActivation;
  readonly classes: number;
  readonly threshold: number;
}

/** A training run's step context: the gradient context plus the optimizer and BN statistics. */
export interface StepContext extends GradientContext {
  readonly optimizer: tf.Optimizer;
  /** Non-trainable weights (BN moving statistics). */
  readonly state: readonly tf.LayerVariable[];
  readonly lossName: LossName;
}

/** One batch's mean loss, confusion counts (see `countsTensor`) and gradients by variable name. */
export interface BatchGradients {
  readonly loss: number;
  readonly counts: Float32Array;
  readonly grads: tf.NamedTensorMap;
}

/** Computes each batch's gradients for `train`, on this thread or on several. */
export interface GradientSource {
  /** The gradients of the mean loss over the samples at `indices` of `set`. */
  gradients(set: SegmentationData, indices: readonly number[]): Promise<BatchGradients>;
  /** Called after the optimizer has updated the weights with the last gradients. */
  applied(): void;
  /** Releases what the source started (worker threads); called once, when the run ends. */
  close(): Promise<void>;
}

/** Starts a {@link GradientSource} for a run, once its options are checked. */
export type GradientSourceFactory = (ctx: StepContext) => Promise<GradientSource>;
