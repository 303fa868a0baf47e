/**
 * The augmentation section of the training panel: each family of the design's
 * `training.augment` on or off with its strength (changed through the design store, so each
 * change is one undoable step, saved and exported with the document), the run's seed, and a
 * live preview of augmented samples.
 */
import type { AugmentFamily } from '@unet-studio/compiler';
import { useEffect, useState, type ReactNode } from 'react';
import { useDesign, useStores } from '../state/StoreProvider';
import { AugmentPreview } from './AugmentPreview';
import { augmentOn, augmentSummary, FAMILIES, FAMILY_VIEWS, withFamily } from './augmentSettings';
import type { ModelIo, TrainSettings } from './settings';
import { useTrainingStoreApi } from './TrainingContext';
import './augment.css';

function FamilyRow(props: { family: AugmentFamily; locked: boolean }): ReactNode {
  const { family, locked } = props;
  const stores = useStores();
  const value = useDesign((s) => s.design.training.augment[family]);
  const view = FAMILY_VIEWS[family];
  const change = (patch: { enabled?: boolean; strength?: number }, label: string, key?: string) =>
    stores.design.getState().transact(label, withFamily(family, patch), key);
  return (
    <div className="augment-row" data-family={family} data-enabled={value.enabled}>
      <label>
        <input
          type="checkbox"
          checked={value.enabled}
          disabled={locked}
          data-testid={`augment-${family}`}
          onChange={(e) =>
            change(
              { enabled: e.currentTarget.checked },
              `Augmentation: ${view.label} ${e.currentTarget.checked ? 'on' : 'off'}`,
            )
          }
        />
        {view.label}
      </label>
      <input
        type="number"
        min={0}
        max={view.max}
        step={view.step}
        value={value.strength}
        disabled={locked}
        aria-label={`${view.label}: ${view.strength}`}
        title={`${view.strength}, 0–${view.max}`}
        data-testid={`augment-${family}-strength`}
        onChange={(e) =>
          e.currentTarget.value !== '' &&
          change(
            { strength: Number(e.currentTarget.value) },
            `Augmentation: ${view.label} strength`,
            `augment-${family}-strength`,
          )
        }
      />
      <span className="muted">{view.strength}</span>
    </div>
  );
}

/** The section; `locked` while a run is live. */
export function AugmentSection(props: {
  settings: TrainSettings;
  io: ModelIo | null;
  locked: boolean;
}): ReactNode {
  const api = useTrainingStoreApi();
  const spec = useDesign((s) => s.design.training.augment);
  const on = augmentOn(spec);
  const [open, setOpen] = useState(on);
  // A design that augments (opened, restored, undone to) shows its settings; closing is the user's.
  useEffect(() => {
    if (on) setOpen(true);
  }, [on]);
  const flat = props.settings.size.length !== 2;
  return (
    <details
      className="train-augment"
      data-testid="train-augment"
      data-on={on}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        Augmentation: <span data-testid="augment-summary">{on ? augmentSummary(spec) : 'off'}</span>
      </summary>
      {flat && <p className="train-warning">Augmentation works on 2D images; this design is 1D.</p>}
      <div className="augment-families">
        {FAMILIES.map((f) => (
          <FamilyRow key={f} family={f} locked={props.locked} />
        ))}
      </div>
      <label className="augment-row">
        <span>Seed (weights, split, shuffles, augmentation)</span>
        <input
          type="number"
          min={0}
          step={1}
          value={props.settings.seed ?? 0}
          disabled={props.locked}
          data-testid="augment-seed"
          onChange={(e) =>
            api
              .getState()
              .setOverride(
                'seed',
                e.currentTarget.value === '' ? NaN : Number(e.currentTarget.value),
              )
          }
        />
      </label>
      {on && !flat && <AugmentPreview spec={spec} settings={props.settings} io={props.io} />}
    </details>
  );
}
