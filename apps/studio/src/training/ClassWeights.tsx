/**
 * Class weights for imbalanced masks (none, inverse frequency, or one number per class), as
 * the CLI's `--class-weights`; they weigh the weighted losses (`weighted_bce`, `weighted_ce`).
 */
import { useState, type ReactNode } from 'react';
import { parseWeights, weightingKind, WEIGHTINGS, type WeightingKind } from './dataSettings';
import type { TrainSettings } from './settings';
import { useTrainingStoreApi } from './TrainingContext';

/** The class weights field; `classes` sizes the manual default. */
export function ClassWeights(props: {
  settings: TrainSettings;
  classes: number;
  locked: boolean;
}): ReactNode {
  const api = useTrainingStoreApi();
  const weighting = props.settings.classWeights ?? 'none';
  const kind = weightingKind(weighting);
  const [text, setText] = useState(typeof weighting === 'string' ? '' : weighting.join(', '));
  const setKind = (next: WeightingKind): void => {
    if (next !== 'manual') return api.getState().setOverride('classWeights', next);
    const ones = Array.from({ length: Math.max(2, props.classes) }, () => 1);
    setText(ones.join(', '));
    api.getState().setOverride('classWeights', ones);
  };
  return (
    <div className="train-row train-class-weights">
      <label className="train-field">
        <span>Class weights</span>
        <select
          value={kind}
          disabled={props.locked}
          data-testid="train-class-weights"
          onChange={(e) => setKind(e.currentTarget.value as WeightingKind)}
        >
          {WEIGHTINGS.map((w) => (
            <option key={w} value={w}>
              {w === 'inverse' ? 'inverse frequency' : w}
            </option>
          ))}
        </select>
      </label>
      {kind === 'manual' && (
        <label className="train-field">
          <span>Weights, background first</span>
          <input
            type="text"
            value={text}
            disabled={props.locked}
            data-testid="train-class-weights-manual"
            onChange={(e) => {
              setText(e.currentTarget.value);
              api.getState().setOverride('classWeights', parseWeights(e.currentTarget.value));
            }}
          />
        </label>
      )}
    </div>
  );
}
