/**
 * The run's settings: data source, size, samples, batch, epochs, loss, optimizer, learning rate
 * and backend. Values the user has not touched come from the design.
 */
import type { ReactNode } from 'react';
import { useTrainingStoreApi } from './TrainingContext';
import { browserStorage, writeBackendChoice } from './backendMemory';
import { BACKEND_CHOICES, LOSSES, OPTIMIZERS, type TrainSettings } from './settings';

/** How the backend choices read in the select. */
const BACKEND_LABELS: Readonly<Record<string, string>> = { auto: 'Auto (measure)' };

function NumberField(props: {
  label: string;
  value: number;
  testId: string;
  step?: number;
  disabled: boolean;
  onChange: (v: number) => void;
}): ReactNode {
  return (
    <label className="train-field">
      <span>{props.label}</span>
      <input
        type="number"
        value={Number.isFinite(props.value) ? props.value : ''}
        step={props.step ?? 1}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) =>
          props.onChange(e.currentTarget.value === '' ? NaN : Number(e.currentTarget.value))
        }
      />
    </label>
  );
}

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  testId: string;
  disabled: boolean;
  onChange: (v: T) => void;
  /** Shown instead of an option's value, where given. */
  labels?: Readonly<Record<string, string>>;
}): ReactNode {
  return (
    <label className="train-field">
      <span>{props.label}</span>
      <select
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testId}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels?.[o] ?? o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The settings form; `locked` while a run is live. */
export function SettingsForm(props: { settings: TrainSettings; locked: boolean }): ReactNode {
  const api = useTrainingStoreApi();
  const { settings: s, locked } = props;
  const set =
    <K extends keyof TrainSettings>(key: K) =>
    (value: TrainSettings[K]): void =>
      api.getState().setOverride(key, value);
  const setSize =
    (axis: number) =>
    (v: number): void =>
      set('size')(s.size.map((d, i) => (i === axis ? v : d)));
  return (
    <div className="train-settings" data-testid="train-settings">
      {s.size.map((d, i) => (
        <NumberField
          key={i}
          label={s.size.length === 1 ? 'Length' : i === 0 ? 'Height' : 'Width'}
          value={d}
          testId={`train-size-${i}`}
          disabled={locked}
          onChange={setSize(i)}
        />
      ))}
      {s.source === 'synthetic' && (
        <NumberField
          label="Samples"
          value={s.samples}
          testId="train-samples"
          disabled={locked}
          onChange={set('samples')}
        />
      )}
      <NumberField
        label="Batch"
        value={s.batchSize}
        testId="train-batch"
        disabled={locked}
        onChange={set('batchSize')}
      />
      <NumberField
        label="Epochs"
        value={s.epochs}
        testId="train-epochs"
        disabled={locked}
        onChange={set('epochs')}
      />
      <NumberField
        label="Learning rate"
        value={s.learningRate}
        step={0.0001}
        testId="train-lr"
        disabled={locked}
        onChange={set('learningRate')}
      />
      <Choice
        label="Loss"
        value={s.loss}
        options={LOSSES}
        testId="train-loss"
        disabled={locked}
        onChange={set('loss')}
      />
      <Choice
        label="Optimizer"
        value={s.optimizer}
        options={OPTIMIZERS}
        testId="train-optimizer"
        disabled={locked}
        onChange={set('optimizer')}
      />
      <Choice
        label="Backend"
        value={s.backend}
        options={BACKEND_CHOICES}
        labels={BACKEND_LABELS}
        testId="train-backend-choice"
        disabled={locked}
        onChange={(choice) => {
          // Remembered in this browser until the user goes back to Auto.
          writeBackendChoice(browserStorage(), choice);
          set('backend')(choice);
        }}
      />
    </div>
  );
}
