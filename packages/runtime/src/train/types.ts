/**
 * The options, progress reports and results of a training run.
 */
import type * as tf from '@tensorflow/tfjs';
import type { SegmentationData } from '../data/dataset';
import type { BorderWeightOptions } from './borderWeights';
import type { HeadActivation, LossName } from './losses';
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
