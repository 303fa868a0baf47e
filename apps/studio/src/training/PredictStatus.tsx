/**
 * The line under the predict options while a prediction runs (tiles done, with Cancel) or when
 * it ended without a result (cancelled, or why it failed).
 */
import type { ReactNode } from 'react';
import type { PredictState } from './predict/predictState';

/** Progress and Cancel, or the end of a prediction without a result. */
export function PredictStatus(props: { state: PredictState; onCancel: () => void }): ReactNode {
  const { state } = props;
  if (state.phase === 'running')
    return (
      <div className="train-row" data-testid="predict-status" data-phase="running">
        <progress
          className="predict-progress"
          max={Math.max(1, state.total)}
          value={state.done}
          aria-label="Tiles predicted"
        />
        <span className="muted">
          Predicting {state.name}
          {state.total > 0 ? `: ${state.done} of ${state.total} tiles` : '…'}
        </span>
        <button type="button" data-testid="predict-cancel" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    );
  if (state.phase === 'cancelled' || state.phase === 'failed')
    return (
      <p
        className={state.phase === 'failed' ? 'train-warning' : 'muted'}
        data-testid="predict-status"
        data-phase={state.phase}
      >
        {state.phase === 'failed'
          ? `${state.name} could not be predicted: ${state.message}`
          : `Prediction of ${state.name} cancelled.`}
      </p>
    );
  return null;
}
