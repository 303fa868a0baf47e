/**
 * One run of the runs list: its name (renamed inline), final figures, backend, whether its
 * weights are kept, and Open / Pin / Delete.
 */
import { formatBytes, type RunRecord } from '@unet-studio/compiler';
import { useState, type ReactNode } from 'react';
import type { StoredRunSummary } from './runStorage';
import { runName } from './storedRun';

function figures(run: RunRecord): string {
  const last = run.epochs[run.epochs.length - 1];
  if (!last) return 'no epoch finished';
  const dice = last.valDice ?? last.dice;
  const parts = [`${run.epochs.length} ep`, `loss ${last.loss.toFixed(4)}`];
  if (dice !== null && Number.isFinite(dice))
    parts.push(`${last.valDice !== null ? 'val ' : ''}Dice ${dice.toFixed(3)}`);
  return parts.join(' · ');
}

/** What a run item can do. */
export interface RunItemActions {
  readonly rename: (name: string) => void;
  readonly togglePin: () => void;
  readonly remove: () => void;
  readonly open: () => void;
}

/** One `li` of the runs list. */
export function RunItem(props: {
  run: RunRecord;
  stored: StoredRunSummary | undefined;
  /** True when this run's model is the one shown and loaded. */
  shown: boolean;
  /** True while a run trains (opening another one waits). */
  busy: boolean;
  actions: RunItemActions;
}): ReactNode {
  const { run, stored, shown, busy, actions } = props;
  const [editing, setEditing] = useState(false);
  const name = runName(run);
  const commit = (value: string): void => {
    setEditing(false);
    const clean = value.trim().slice(0, 120);
    if (clean !== '' && clean !== name) actions.rename(clean);
  };
  return (
    <li
      className={`train-run${shown ? ' shown' : ''}`}
      data-testid="run-item"
      data-run-id={run.id}
      data-weights={stored ? 'kept' : 'none'}
      data-pinned={run.pinned === true}
      data-shown={shown}
    >
      <div className="train-run-head">
        {editing ? (
          <input
            className="train-run-rename"
            data-testid="run-rename-input"
            aria-label="Run name"
            defaultValue={name}
            maxLength={120}
            autoFocus
            onBlur={(e) => commit(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit(e.currentTarget.value);
              if (e.key === 'Escape') setEditing(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="train-run-name link"
            data-testid="run-name"
            title="Rename this run"
            onClick={() => setEditing(true)}
          >
            {name}
          </button>
        )}
        {run.pinned === true && <span className="train-run-pin">pinned</span>}
      </div>
      <div className="muted train-run-figures" data-testid="run-figures">
        {figures(run)} · {run.backend} ·{' '}
        <span data-testid="run-weights">
          {stored
            ? `weights kept (epoch ${stored.epoch}, ${formatBytes(stored.bytes)})`
            : 'weights not kept'}
        </span>
      </div>
      <div className="train-row">
        <button
          type="button"
          data-testid="run-open"
          disabled={!stored || shown || busy}
          title={
            stored
              ? 'Show this run and load its model for predict, download and continue'
              : 'Its weights were not kept (only the latest and pinned runs keep theirs)'
          }
          onClick={actions.open}
        >
          Open
        </button>
        <button
          type="button"
          data-testid="run-pin"
          title={
            run.pinned
              ? 'Unpin: its weights go when a later run ends'
              : 'Pin: keep its weights when later runs end'
          }
          onClick={actions.togglePin}
        >
          {run.pinned ? 'Unpin' : 'Pin'}
        </button>
        <button type="button" data-testid="run-delete" onClick={actions.remove}>
          Delete
        </button>
      </div>
    </li>
  );
}
