/**
 * The messages between the app and the training worker. The worker owns TensorFlow.js and the
 * model; the app only sends commands and receives plain numbers and pixels.
 */
import type { Design } from '@unet-studio/compiler';
import type { BatchProgress, EpochRecord, ImageDatasetReport } from '@unet-studio/runtime';
import type { ProbeReport } from './backendChoice';
import type { TrainSettings } from './settings';

/** Where the last weights of a run are kept (tf.io IndexedDB URL). */
export const WEIGHTS_URL = 'indexeddb://unet-studio-training';

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
      /** Start from the weights saved by the previous run (continuing it on another backend). */
      readonly continueRun?: boolean;
    }
  | {
      readonly type: 'read-images';
      readonly files: readonly PickedFile[];
      /** `[H, W]` to resize to. */
      readonly size: readonly [number, number];
      readonly channels: 1 | 3 | 4;
      readonly classes: number;
    }
  | { readonly type: 'pause' }
  | { readonly type: 'resume' }
  | { readonly type: 'stop' }
  | {
      readonly type: 'predict';
      readonly id: number;
      readonly image: Picture;
      readonly threshold: number;
    }
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
  | { readonly type: 'paused' }
  | { readonly type: 'resumed' }
  | { readonly type: 'done'; readonly status: 'completed' | 'stopped' }
  | { readonly type: 'failed'; readonly kind: FailureKind; readonly message: string }
  | {
      readonly type: 'prediction';
      readonly id: number;
      readonly overlay: Picture;
      readonly foreground: number;
    }
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
    }
  | { readonly type: 'problem'; readonly message: string };
