/**
 * The full-size prediction's state, changed only by {@link predictReducer}: idle, running (with
 * the tiles done), done (with the result), or ended (cancelled or failed, with why). Reports
 * about another prediction than the current one are ignored.
 */
import type { FullPredictionResult } from './fullPrediction';

/** What the predict view shows. */
export type PredictState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'running';
      readonly id: number;
      readonly name: string;
      readonly done: number;
      /** Tiles in all; 0 until the first batch is done. */
      readonly total: number;
    }
  | {
      readonly phase: 'done';
      readonly id: number;
      readonly name: string;
      readonly result: FullPredictionResult;
    }
  | {
      readonly phase: 'cancelled' | 'failed';
      readonly id: number;
      readonly name: string;
      readonly message: string;
    };

/** What happens to a prediction. */
export type PredictEvent =
  | { readonly type: 'start'; readonly id: number; readonly name: string }
  /** The model changes: the prediction of the previous one is dropped. */
  | { readonly type: 'reset' }
  | {
      readonly type: 'progress';
      readonly id: number;
      readonly done: number;
      readonly total: number;
    }
  | { readonly type: 'result'; readonly id: number; readonly result: FullPredictionResult }
  | {
      readonly type: 'ended';
      readonly id: number;
      readonly reason: 'cancelled' | 'failed';
      readonly message: string;
    };

/** The state after `event`. */
export function predictReducer(state: PredictState, event: PredictEvent): PredictState {
  if (event.type === 'start')
    return { phase: 'running', id: event.id, name: event.name, done: 0, total: 0 };
  if (event.type === 'reset') return state.phase === 'idle' ? state : { phase: 'idle' };
  if (state.phase === 'idle' || state.id !== event.id) return state;
  switch (event.type) {
    case 'progress':
      return state.phase === 'running' ? { ...state, done: event.done, total: event.total } : state;
    case 'result':
      // A new threshold of a finished prediction replaces its result.
      return state.phase === 'running' || state.phase === 'done'
        ? { phase: 'done', id: state.id, name: state.name, result: event.result }
        : state;
    case 'ended':
      return state.phase === 'running'
        ? { phase: event.reason, id: state.id, name: state.name, message: event.message }
        : state;
  }
}
