/**
 * The training store: the run state machine (changed only through {@link trainingReducer}), the
 * user's setting overrides, the loaded own images and the latest prediction. Created by a
 * factory so every app instance and test has its own.
 */
import type { ImageDatasetReport, MaskCodingName, SplitSet } from '@unet-studio/runtime';
import type { AugmentPreviewResult } from './augmentProtocol';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ShownProbe } from './autoBackend';
import type { PickedFile } from './protocol';
import { predictReducer, type PredictEvent, type PredictState } from './predict/predictState';
import type { TrainSettings } from './settings';
import { trainingReducer, type TrainingEvent, type TrainingState } from './trainingState';

/** Own images and masks, paired and decoded in the worker, with what was skipped and why. */
export interface OwnImages {
  /** Null while the worker reads them. */
  readonly report: ImageDatasetReport | null;
  /** The files given (before pairing), kept to read them again at another size. */
  readonly files: readonly PickedFile[];
  /** The `[H, W]` they were read at. */
  readonly size: readonly number[];
  /** The mask coding they were read with (`values` when unset). */
  readonly masks?: MaskCodingName;
  /** Pairs per set when they came in train/, val/ and test/ folders. */
  readonly split?: Readonly<Record<SplitSet, number>>;
  /** The colours of RGB-coded masks, class i = colors[i]. */
  readonly colors?: readonly number[];
}

/** State and actions of the training store. */
export interface TrainingStoreState {
  readonly training: TrainingState;
  /** Settings the user changed; the rest come from the design. */
  readonly overrides: Partial<TrainSettings>;
  readonly images: OwnImages | null;
  /** The full-size prediction on an uploaded image. */
  readonly fullPrediction: PredictState;
  /** A message about something that is not a run failure (a bad upload, a refused command). */
  readonly notice: string | null;
  /** The latest augmentation preview from the worker. */
  readonly augmentPreview: AugmentPreviewResult | null;
  /** The backend probe of the latest `auto` run (measured now or remembered). */
  readonly probe: ShownProbe | null;
  dispatch(event: TrainingEvent): void;
  setOverride<K extends keyof TrainSettings>(key: K, value: TrainSettings[K]): void;
  setImages(images: OwnImages | null): void;
  dispatchPredict(event: PredictEvent): void;
  setNotice(notice: string | null): void;
  setAugmentPreview(preview: AugmentPreviewResult | null): void;
  setProbe(probe: ShownProbe | null): void;
}

/** The training store's API. */
export type TrainingStore = StoreApi<TrainingStoreState>;

/** Creates an isolated training store. */
export function createTrainingStore(): TrainingStore {
  return createStore<TrainingStoreState>()((set, get) => ({
    training: { phase: 'idle' },
    overrides: {},
    images: null,
    fullPrediction: { phase: 'idle' },
    notice: null,
    augmentPreview: null,
    probe: null,
    dispatch(event) {
      const next = trainingReducer(get().training, event);
      if (next !== get().training) set({ training: next });
    },
    setOverride(key, value) {
      set({ overrides: { ...get().overrides, [key]: value } });
    },
    setImages(images) {
      set({ images });
    },
    dispatchPredict(event) {
      const next = predictReducer(get().fullPrediction, event);
      if (next !== get().fullPrediction) set({ fullPrediction: next });
    },
    setNotice(notice) {
      set({ notice });
    },
    setAugmentPreview(augmentPreview) {
      set({ augmentPreview });
    },
    setProbe(probe) {
      set({ probe });
    },
  }));
}
