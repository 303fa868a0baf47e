/**
 * The messages between the app and the training worker. The worker owns TensorFlow.js and the
 * model; the app only sends commands and receives plain numbers and pixels.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Design } from '@unet-studio/compiler';
import type {
  BatchProgress,
  EpochRecord,
  ImageDatasetReport,
  MaskCodingName,
  SplitSet,
} from '@unet-studio/runtime';
import type { AugmentPreviewRequest, AugmentPreviewResult } from './augmentProtocol';
import type { FullPredictionResult } from './predict/fullPrediction';
import type { FullPredictOptions } from './predict/predictOptions';
import type { ProbeReport } from './backendChoice';
import type { TrainSettings } from './settings';

/**
 * A trained model as plain data (tf.io's in-memory artifacts: topology with the embedded design,
 * weight specs and the weight bytes as one buffer), as the document stores it.
 */
export type ModelArtifactsData = tf.io.ModelArtifacts & { readonly weightData: ArrayBuffer };

/** A file the user picked or dropped, with its path inside the chosen folder. */
export interface PickedFile {
  readonly path: string;
  readonly file: Blob;
}

/** An RGBA picture. */
export interface Picture {
  readonly width: number;
  readonly height: number;
  /** `width × height × 4` bytes. */
  readonly rgba: Uint8ClampedArray;
}

/** One validation sample of the preview strip. */
export interface PreviewSample {
  readonly image: Picture;
  readonly truth: Picture;
  /** The predicted mask alone (background black). */
  readonly mask: Picture;
  /** The predicted mask over the image. */
  readonly overlay: Picture;
  /** Share of pixels predicted as foreground (0…1). */
  readonly foreground: number;
}

/** Commands to the worker. */
export type ToWorker =
  | {
      readonly type: 'start';
      readonly design: Design;
      readonly settings: TrainSettings;
      /** The run continues an earlier one (its weights come in `initialWeights`). */
      readonly continueRun?: boolean;
      /** The weights to start from (a stored run's, or the last checkpoint's), when continuing. */
      readonly initialWeights?: ModelArtifactsData;
    }
  /** Makes a stored model the worker's current one (for predict, download and continue). */
  | {
      readonly type: 'load-stored';
      readonly runId: string;
      readonly artifacts: ModelArtifactsData;
      /** The backend to start when none runs yet. */
      readonly backend: TrainSettings['backend'];
    }
  | {
      readonly type: 'read-images';
      readonly files: readonly PickedFile[];
      /** `[H, W]` to resize to. */
      readonly size: readonly [number, number];
      readonly channels: 1 | 3 | 4;
      readonly classes: number;
      /** How masks code classes (default `values`). */
      readonly masks?: MaskCodingName;
      /** RGB masks: the design's class colours first (class i = colors[i]), then those found. */
      readonly colors?: readonly number[];
    }
  | AugmentPreviewRequest
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' }
  /** Predicts an image at its full size (tiled); the worker keeps the probabilities. */
  | {
      readonly type: 'predict-full';
      readonly id: number;
      readonly image: Picture;
      readonly options: FullPredictOptions;
      readonly threshold: number;
    }
  /** The kept full-size prediction at another threshold, without running the network again. */
  | { readonly type: 'predict-threshold'; readonly id: number; readonly threshold: number }
  | { readonly type: 'predict-cancel'; readonly id: number }
  | { readonly type: 'export'; readonly name: string }
  /** The trained model as a PyTorch package with its weights converted (a zip). */
  | { readonly type: 'export-pytorch' };

/** The backend the worker runs on. */
export interface BackendInfo {
  readonly name: string;
  /** One line: the backend and why any were passed over. */
  readonly summary: string;
  /** True when WebGL renders in software (SwiftShader), which is slow. */
  readonly software: boolean;
  readonly notes: readonly string[];
}

/** Why a run failed, which decides what the app offers next. */
export const FAILURE_KINDS = ['nan', 'context-lost', 'error'] as const;
/** A failure kind. */
export type FailureKind = (typeof FAILURE_KINDS)[number];

/** Reports from the worker. */
export type FromWorker =
  /** With the `auto` backend: each backend's measured step time and the one chosen. */
  | { readonly type: 'probe'; readonly report: ProbeReport }
  | { readonly type: 'backend'; readonly backend: BackendInfo }
  | { readonly type: 'warming' }
  | { readonly type: 'batch'; readonly progress: BatchProgress }
  | {
      readonly type: 'epoch';
      readonly record: EpochRecord;
      readonly preview: readonly PreviewSample[];
    }
  | { readonly type: 'saved'; readonly url: string; readonly epoch: number }
  /** The model after an epoch, for the app to store with the run's document (sent before `saved`). */
  | { readonly type: 'weights'; readonly epoch: number; readonly artifacts: ModelArtifactsData }
  | {
      readonly type: 'stored-loaded';
      readonly runId: string;
      /** Null when loaded; else why the stored model could not be loaded. */
      readonly problem: string | null;
    }
  | { readonly type: 'paused' }
  | { readonly type: 'resumed' }
  | { readonly type: 'done'; readonly status: 'completed' | 'stopped' }
  | { readonly type: 'failed'; readonly kind: FailureKind; readonly message: string }
  | {
      readonly type: 'exported';
      readonly modelJson: string;
      readonly weights: ArrayBuffer;
      readonly name: string;
    }
  | { readonly type: 'pytorch-exported'; readonly fileName: string; readonly zip: ArrayBuffer }
  | {
      readonly type: 'images-read';
      readonly report: ImageDatasetReport;
      readonly size: readonly number[];
      /** Pairs per set when the files came in train/, val/ and test/ folders. */
      readonly split?: Readonly<Record<SplitSet, number>>;
      /** The colours of RGB-coded masks, class i = colors[i]. */
      readonly colors?: readonly number[];
      readonly masks?: MaskCodingName;
    }
  | AugmentPreviewResult
  | {
      readonly type: 'predict-progress';
      readonly id: number;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'full-prediction'; readonly id: number; readonly result: FullPredictionResult }
  | {
      readonly type: 'predict-ended';
      readonly id: number;
      readonly reason: 'cancelled' | 'failed';
      readonly message: string;
    }
  | { readonly type: 'problem'; readonly message: string };
