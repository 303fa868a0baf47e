/**
 * The live view of a run: phase, backend, progress bar with ETA and images/s, and the latest
 * epoch's metrics.
 */
import type { ReactNode } from 'react';
import { phaseText, progressText } from './format';
import { ProbeLine } from './ProbeLine';
import { useTrainingState } from './TrainingContext';
import { runOf } from './trainingState';

/** Phase line, backend, progress and latest metrics of the current run. */
export function RunStatus(): ReactNode {
  const training = useTrainingState((s) => s.training);
  const run = runOf(training);
  const p = run?.progress ?? null;
  const last = run?.epochs[run.epochs.length - 1] ?? null;
  const done = p ? (p.epoch - 1) * p.batches + p.batch : 0;
  const total = p ? p.epochs * p.batches : (run?.settings.epochs ?? 1);
  return (
    <div
      className="train-status"
      data-testid="train-status"
      data-phase={training.phase}
      data-status={training.phase === 'finished' ? training.status : ''}
      data-saved-epoch={run?.savedEpoch ?? ''}
    >
      <p
        className={`train-phase${training.phase === 'failed' ? ' error' : ''}`}
        data-testid="train-phase"
        role="status"
      >
        {phaseText(training)}
      </p>
      <ProbeLine />
      {run?.backend && (
        <p className="train-backend-line" title={run.backend.summary}>
          Backend: <strong data-testid="train-backend">{run.backend.name}</strong>
          {run.backend.summary !== run.backend.name && (
            <span className="muted"> — {run.backend.summary}</span>
          )}
          {run.backend.notes.map((n) => (
            <span key={n} className="muted train-note">
              {n}
            </span>
          ))}
        </p>
      )}
      {run && (
        <div className="train-progress-row">
          <progress
            data-testid="train-progress"
            value={done}
            max={total}
            aria-label="Training progress"
          />
          <span className="muted" data-testid="train-eta">
            {progressText(training)}
          </span>
        </div>
      )}
      {last && (
        <p
          className="train-metrics"
          data-testid="train-metrics"
          data-epoch={last.epoch}
          data-loss={last.loss}
          data-dice={last.dice}
          data-val-loss={last.valLoss ?? ''}
          data-val-dice={last.valDice ?? ''}
        >
          Epoch {last.epoch}: loss {last.loss.toFixed(4)}, Dice {last.dice.toFixed(3)}, IoU{' '}
          {last.iou.toFixed(3)}
          {last.valLoss !== null &&
            ` · val loss ${last.valLoss.toFixed(4)}, val Dice ${(last.valDice ?? 0).toFixed(3)}`}
        </p>
      )}
    </div>
  );
}
