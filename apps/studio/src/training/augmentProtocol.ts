/**
 * The messages of the augmentation preview: the page asks the worker for a few augmented
 * samples (the user's own images when loaded, else synthetic samples of the run's size) and
 * gets pictures back, so the page stays free of TensorFlow.js.
 */
import type { AugmentSpec } from '@unet-studio/compiler';
import type { Picture } from './protocol';

/** What to augment and how. */
export interface AugmentPreviewRequest {
  readonly type: 'augment-preview';
  /** Answers to older requests are dropped. */
  readonly id: number;
  readonly spec: AugmentSpec;
  readonly seed: number;
  /** Which draw: sample i of draw d gets the seed training gives sample i in epoch d. */
  readonly draw: number;
  readonly source: 'synthetic' | 'images';
  /** `[H, W]` of synthetic samples. */
  readonly size: readonly number[];
  readonly channels: number;
  readonly classes: number;
}

/** One sample before and after augmentation. */
export interface AugmentPreviewSample {
  readonly original: Picture;
  readonly image: Picture;
  /** The augmented mask (background black). */
  readonly mask: Picture;
  /** The augmented mask over the augmented image. */
  readonly overlay: Picture;
}

/** The worker's answer. */
export interface AugmentPreviewResult {
  readonly type: 'augment-preview';
  readonly id: number;
  readonly draw: number;
  readonly source: 'synthetic' | 'images';
  readonly samples: readonly AugmentPreviewSample[];
  /** Why there are no samples. */
  readonly message?: string;
}
