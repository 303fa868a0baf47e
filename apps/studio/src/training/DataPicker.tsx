/**
 * Choosing the data: the built-in synthetic shapes (ready at once) or the user's own images and
 * masks (a dropped or picked folder, paired by name as the runtime does), with a report of the
 * files that could not be used before anything trains.
 */
import { classColors } from '@unet-studio/compiler';
import type { MaskCodingName } from '@unet-studio/runtime';
import type { DragEvent, ReactNode } from 'react';
import { useStores } from '../state/StoreProvider';
import { ClassWeights } from './ClassWeights';
import { checkTrainingFiles } from './fileLimits';
import { MaskCoding } from './MaskCoding';
import type { PickedFile } from './protocol';
import { useTrainingController, useTrainingState, useTrainingStoreApi } from './TrainingContext';
import type { TrainSettings } from './settings';

const SHOWN_SKIPPED = 8;

/** Files with their path in the chosen folder (the name alone for single files). */
function picked(files: readonly File[]): PickedFile[] {
  return files.map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/** The data source choice and the own-images loader. */
export function DataPicker(props: {
  settings: TrainSettings;
  channels: number;
  classes: number;
  locked: boolean;
}): ReactNode {
  const api = useTrainingStoreApi();
  const stores = useStores();
  const controller = useTrainingController();
  const images = useTrainingState((s) => s.images);
  const reading = images !== null && images.report === null;
  const { settings, locked } = props;
  const read = (files: readonly PickedFile[], masks = settings.masks): void => {
    if (settings.size.length !== 2) {
      api.getState().setNotice('Own images need a 2D design.');
      return;
    }
    // Refused from the sizes alone, before a byte is read.
    const refusal = checkTrainingFiles(files);
    if (refusal !== null) {
      api.getState().setNotice(refusal);
      return;
    }
    const channels = props.channels === 1 || props.channels === 4 ? props.channels : 3;
    api.getState().setOverride('source', 'images');
    const size: [number, number] = [settings.size[0]!, settings.size[1]!];
    const colors = classColors(stores.design.getState().design.training.classes);
    controller.readImages(files, size, channels, props.classes, masks, colors ?? undefined);
  };
  const recode = (masks: MaskCodingName): void => {
    if (images !== null && images.files.length > 0 && !reading) read(images.files, masks);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    if (!locked) read(picked([...e.dataTransfer.files]));
  };
  return (
    <div className="train-data" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <label>
        <input
          type="radio"
          name="train-source"
          checked={settings.source === 'synthetic'}
          disabled={locked}
          onChange={() => api.getState().setOverride('source', 'synthetic')}
          data-testid="train-source-synthetic"
        />
        Synthetic shapes
      </label>
      <label>
        <input
          type="radio"
          name="train-source"
          checked={settings.source === 'images'}
          disabled={locked}
          onChange={() => api.getState().setOverride('source', 'images')}
          data-testid="train-source-images"
        />
        My images + masks
      </label>
      {settings.source === 'images' && (
        <div className="train-files">
          <input
            type="file"
            multiple
            accept="image/png,image/jpeg,image/gif,image/tiff"
            disabled={locked || reading}
            data-testid="train-files"
            onChange={(e) => read(picked([...(e.currentTarget.files ?? [])]))}
            {...{ webkitdirectory: '' }}
          />
          <span className="muted">
            or drop a folder here (images/ + masks/, or name_mask files; train/ and val/ folders are
            taken as the split)
          </span>
          <MaskCoding settings={settings} locked={locked || reading} onCoding={recode} />
          {images && images.size.join('×') !== settings.size.join('×') && (
            <button type="button" disabled={locked || reading} onClick={() => read(images.files)}>
              Read again at {settings.size.join('×')}
            </button>
          )}
          {reading && <p className="muted">Reading images…</p>}
          {images?.report && (
            <div
              className="train-report"
              data-testid="train-data-report"
              data-used={images.report.used}
              data-skipped={images.report.skipped.length}
            >
              {images.report.used} pair(s) ready from {images.files.length} file(s);{' '}
              {images.report.skipped.length} not used.
              <ul>
                {images.report.skipped.slice(0, SHOWN_SKIPPED).map((f) => (
                  <li key={f.file}>
                    <code>{f.file}</code>: {f.reason}
                  </li>
                ))}
                {images.report.skipped.length > SHOWN_SKIPPED && (
                  <li>…and {images.report.skipped.length - SHOWN_SKIPPED} more</li>
                )}
              </ul>
            </div>
          )}
        </div>
      )}
      <ClassWeights settings={settings} classes={props.classes} locked={locked} />
    </div>
  );
}
