/**
 * How the predict view brings an image to the network: tiles chosen automatically, the whole
 * image in one pass, tiles of a given size, or resizing; and the overlap of neighbouring tiles.
 */
import type { ReactNode } from 'react';
import { PREDICT_MODES, type PredictForm, type PredictMode } from './predict/predictOptions';

const MODE_LABELS: Record<PredictMode, string> = {
  auto: 'Tiles: automatic',
  off: 'Whole image in one pass',
  size: 'Tiles of a given size',
  resize: 'Resize to the model input instead',
};

/** The options form; `onRun` predicts the last image again with them. */
export function PredictOptionsForm(props: {
  form: PredictForm;
  onChange: (form: PredictForm) => void;
  error: string | null;
  canRun: boolean;
  onRun: () => void;
}): ReactNode {
  const { form, onChange } = props;
  const set = (patch: Partial<PredictForm>): void => onChange({ ...form, ...patch });
  return (
    <div className="train-row predict-options" data-testid="predict-options">
      <label className="train-field">
        <span>Full size by</span>
        <select
          value={form.mode}
          data-testid="predict-mode"
          onChange={(e) => set({ mode: e.currentTarget.value as PredictMode })}
        >
          {PREDICT_MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      {form.mode === 'size' && (
        <>
          <label className="train-field">
            <span>Tile height</span>
            <input
              type="number"
              min={1}
              value={form.height}
              data-testid="predict-tile-h"
              onChange={(e) => set({ height: e.currentTarget.value })}
            />
          </label>
          <label className="train-field">
            <span>Tile width</span>
            <input
              type="number"
              min={1}
              value={form.width}
              data-testid="predict-tile-w"
              onChange={(e) => set({ width: e.currentTarget.value })}
            />
          </label>
        </>
      )}
      {form.mode !== 'resize' && (
        <label className="train-field">
          <span>Overlap (px)</span>
          <input
            type="number"
            min={0}
            placeholder="default"
            title="Pixels shared by neighbouring tiles; empty: half a tile for same padding, none for valid padding"
            value={form.overlap}
            data-testid="predict-overlap"
            onChange={(e) => set({ overlap: e.currentTarget.value })}
          />
        </label>
      )}
      <button
        type="button"
        data-testid="predict-run"
        disabled={!props.canRun}
        onClick={props.onRun}
      >
        Predict again
      </button>
      {props.error && (
        <span className="train-warning" data-testid="predict-form-error">
          {props.error}
        </span>
      )}
    </div>
  );
}
