/**
 * The training store: the run state machine (changed only through {@link trainingReducer}), the
 * user's setting overrides, the loaded own images and the latest prediction. Created by a
 * factory so every app instance and test has its own.
 */
import type { ImageDatasetReport } from '@unet-studio/runtime';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ShownProbe } from './autoBackend';
import type { PickedFile, Picture } from './protocol';
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
}

/** The latest prediction on an uploaded image. */
export interface PredictionView {
  readonly overlay: Picture;
  readonly foreground: number;
  readonly threshold: number;
}

/** State and actions of the training store. */
export interface TrainingStoreState {
  readonly training: TrainingState;
  /** Settings the user changed; the rest come from the design. */
  readonly overrides: Partial<TrainSettings>;
  readonly images: OwnImages | null;
  readonly prediction: PredictionView | null;
  /** A message about something that is not a run failure (a bad upload, a refused command). */
  readonly notice: string | null;
  /** The backend probe of the latest `auto` run (measured now or remembered). */
  readonly probe: ShownProbe | null;
  dispatch(event: TrainingEvent): void;
  setOverride<K extends keyof TrainSettings>(key: K, value: TrainSettings[K]): void;
  setImages(images: OwnImages | null): void;
  setPrediction(prediction: PredictionView | null): void;
  setNotice(notice: string | null): void;
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
    prediction: null,
    notice: null,
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
    setPrediction(prediction) {
      set({ prediction });
    },
    setNotice(notice) {
      set({ notice });
    },
    setProbe(probe) {
      set({ probe });
    },
  }));
}
