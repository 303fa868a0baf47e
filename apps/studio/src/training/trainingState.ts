/**
 * The training run as a state machine: a discriminated union on `phase`, changed only by the
 * pure {@link trainingReducer}. Events that make no sense in a phase (a batch report after a
 * stop, a second start) leave the state as it is.
 */
import type { BatchProgress, EpochRecord } from '@unet-studio/runtime';
import type { StepEstimate } from './estimate';
import type { BackendInfo, FailureKind, PreviewSample } from './protocol';
import type { TrainSettings } from './settings';

/** One run: its settings and everything reported so far. */
export interface Run {
  readonly id: string;
  /** ISO time the run started. */
  readonly startedAt: string;
  readonly settings: TrainSettings;
  readonly estimate: StepEstimate | null;
  readonly backend: BackendInfo | null;
  /** The latest batch report. */
  readonly progress: BatchProgress | null;
  /** One record per finished epoch, in order. */
  readonly epochs: readonly EpochRecord[];
  /** The preview strip of the latest epoch. */
  readonly preview: readonly PreviewSample[];
  /** The epoch whose weights are saved in IndexedDB (null before the first). */
  readonly savedEpoch: number | null;
}

/** Where training stands. */
export type TrainingState =
  | { readonly phase: 'idle' }
  /** Compiling, building the model, preparing data and starting the backend. */
  | { readonly phase: 'starting'; readonly run: Run }
  /** The first step: the backend compiles its GPU kernels. */
  | { readonly phase: 'warming'; readonly run: Run }
  | { readonly phase: 'training'; readonly run: Run }
  | { readonly phase: 'paused'; readonly run: Run }
  /** Stop was pressed; the current batch finishes first. */
  | { readonly phase: 'stopping'; readonly run: Run }
  | { readonly phase: 'finished'; readonly run: Run; readonly status: 'completed' | 'stopped' }
  | {
      readonly phase: 'failed';
      readonly run: Run;
      readonly kind: FailureKind;
      readonly message: string;
    };

/** A phase name. */
export type Phase = TrainingState['phase'];

/** What can happen to a run. */
export type TrainingEvent =
  | {
      readonly type: 'start';
      readonly id: string;
      readonly startedAt: string;
      readonly settings: TrainSettings;
      readonly estimate: StepEstimate | null;
    }
  | { readonly type: 'backend'; readonly backend: BackendInfo }
  | { readonly type: 'warming' }
  | { readonly type: 'batch'; readonly progress: BatchProgress }
  | {
      readonly type: 'epoch';
      readonly record: EpochRecord;
      readonly preview: readonly PreviewSample[];
    }
  | { readonly type: 'saved'; readonly epoch: number }
  | { readonly type: 'paused' }
  | { readonly type: 'resumed' }
  | { readonly type: 'stop' }
  | { readonly type: 'done'; readonly status: 'completed' | 'stopped' }
  | { readonly type: 'failed'; readonly kind: FailureKind; readonly message: string }
  | { readonly type: 'reset' }
  /** Shows a run stored with the document (after a reload or opening another run), as finished. */
  | { readonly type: 'restore'; readonly run: Run };

/** The phases in which a run is live (the worker is busy with it). */
export const LIVE_PHASES = ['starting', 'warming', 'training', 'paused', 'stopping'] as const;

/** True while a run is live. */
export function isLive(state: TrainingState): state is Extract<TrainingState, { run: Run }> {
  return (LIVE_PHASES as readonly string[]).includes(state.phase);
}

/** The run of any phase but idle. */
export function runOf(state: TrainingState): Run | null {
  return state.phase === 'idle' ? null : state.run;
}

type WithRun = Exclude<TrainingState, { phase: 'idle' }>;

function update(state: WithRun, patch: Partial<Run>): TrainingState {
  return { ...state, run: { ...state.run, ...patch } };
}

/** Applies one event; returns `state` itself when the event does not apply. */
export function trainingReducer(state: TrainingState, event: TrainingEvent): TrainingState {
  if (event.type === 'start') {
    if (isLive(state)) return state;
    const { id, startedAt, settings, estimate } = event;
    const run: Run = {
      ...{ id, startedAt, settings, estimate },
      ...{ backend: null, progress: null, epochs: [], preview: [], savedEpoch: null },
    };
    return { phase: 'starting', run };
  }
  if (event.type === 'reset') return isLive(state) ? state : { phase: 'idle' };
  if (event.type === 'restore') {
    if (isLive(state)) return state;
    const { run } = event;
    return {
      phase: 'finished',
      run,
      status: run.epochs.length >= run.settings.epochs ? 'completed' : 'stopped',
    };
  }
  if (state.phase === 'idle' || state.phase === 'finished' || state.phase === 'failed')
    return state;
  switch (event.type) {
    case 'backend':
      return update(state, { backend: event.backend });
    case 'warming':
      return state.phase === 'starting' ? { phase: 'warming', run: state.run } : state;
    case 'batch': {
      const next = update(state, { progress: event.progress });
      return next.phase === 'warming' || next.phase === 'starting'
        ? { phase: 'training', run: runOf(next)! }
        : next;
    }
    case 'epoch':
      return update(state, {
        epochs: [...state.run.epochs, event.record],
        preview: event.preview,
      });
    case 'saved':
      return update(state, { savedEpoch: event.epoch });
    case 'paused':
      return state.phase === 'training' ? { phase: 'paused', run: state.run } : state;
    case 'resumed':
      return state.phase === 'paused' ? { phase: 'training', run: state.run } : state;
    case 'stop':
      return { phase: 'stopping', run: state.run };
    case 'done':
      return { phase: 'finished', run: state.run, status: event.status };
    case 'failed':
      return { phase: 'failed', run: state.run, kind: event.kind, message: event.message };
  }
}
