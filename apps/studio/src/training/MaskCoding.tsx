/**
 * How own masks code classes (class indices, a VOC palette PNG, or RGB colour codes), with the
 * legend of the colours found and editable class names. Names and colours are kept in the
 * design's `training.classes` (one undo step per edit, saved and exported with the document).
 */
import { MAX_CLASS_NAME } from '@unet-studio/compiler';
import type { MaskCodingName } from '@unet-studio/runtime';
import type { ReactNode } from 'react';
import { useDesign, useStores } from '../state/StoreProvider';
import { nameFor, withClassName } from './classNames';
import { className, MASK_CODINGS } from './dataSettings';
import type { TrainSettings } from './settings';
import { useTrainingState, useTrainingStoreApi } from './TrainingContext';

const hex = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;

/** The coding choice and legend; `onCoding` reads the loaded files again with the new coding. */
export function MaskCoding(props: {
  settings: TrainSettings;
  locked: boolean;
  onCoding: (masks: MaskCodingName) => void;
}): ReactNode {
  const api = useTrainingStoreApi();
  const images = useTrainingState((s) => s.images);
  const { settings, locked } = props;
  const masks = settings.masks ?? 'values';
  const colors = images?.report && images.masks === 'rgb' ? (images.colors ?? []) : [];
  const stores = useStores();
  const classes = useDesign((s) => s.design.training.classes);
  const setName = (i: number, name: string): void =>
    stores.design
      .getState()
      .transact(`Name class ${i}`, withClassName(colors, i, name), `class-name-${i}`);
  return (
    <div className="train-mask-coding">
      <label className="train-field">
        <span>Masks code classes as</span>
        <select
          value={masks}
          disabled={locked}
          data-testid="train-masks"
          onChange={(e) => {
            const next = e.currentTarget.value as MaskCodingName;
            api.getState().setOverride('masks', next);
            props.onCoding(next);
          }}
        >
          {MASK_CODINGS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {images?.split && (
        <p className="muted" data-testid="train-split">
          Split by folders: {images.split.train} for training, {images.split.val} for validation
          {images.split.test > 0 ? `, ${images.split.test} for testing (not trained on)` : ''}.
        </p>
      )}
      {colors.length > 0 && (
        <ul className="train-legend" data-testid="train-legend" data-colors={colors.length}>
          {colors.map((c, i) => (
            <li key={c} data-color={hex(c)}>
              <span className="train-swatch" style={{ background: hex(c) }} />
              <code>{hex(c)}</code>
              <span>→ {i}</span>
              <input
                type="text"
                value={nameFor(classes, c, i)}
                placeholder={className(undefined, i)}
                aria-label={`Name of class ${i} (${hex(c)})`}
                data-testid={`train-class-name-${i}`}
                maxLength={MAX_CLASS_NAME}
                onChange={(e) => setName(i, e.currentTarget.value)}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
