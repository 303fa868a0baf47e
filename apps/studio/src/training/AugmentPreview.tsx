/**
 * The live augmentation preview: a few samples (the user's own images when loaded, else
 * synthetic samples of the run's size) before and after augmentation, with the augmented mask
 * alone and over the image. Asked of the worker after the settings rest for a moment; "New draw"
 * shows the next draw.
 */
import type { AugmentSpec } from '@unet-studio/compiler';
import { useEffect, useState, type ReactNode } from 'react';
import { PictureCanvas } from './PictureCanvas';
import type { ModelIo, TrainSettings } from './settings';
import { useTrainingController, useTrainingState } from './TrainingContext';

/** Wait after the last change before asking the worker (typing a strength). */
const DEBOUNCE_MS = 250;

/** The preview of `spec` at the run's settings. */
export function AugmentPreview(props: {
  spec: AugmentSpec;
  settings: TrainSettings;
  io: ModelIo | null;
}): ReactNode {
  const controller = useTrainingController();
  const preview = useTrainingState((s) => s.augmentPreview);
  const images = useTrainingState((s) => s.images);
  const [draw, setDraw] = useState(1);
  const { spec, settings } = props;
  const sizeKey = settings.size.join('x');
  const ownReady =
    settings.source === 'images' &&
    images !== null &&
    images.report !== null &&
    images.report.used > 0 &&
    images.size.join('x') === sizeKey;
  const source = ownReady ? 'images' : 'synthetic';
  const seed = Number.isInteger(settings.seed) ? (settings.seed ?? 0) : 0;
  const channels = props.io?.channels ?? 3;
  const classes = props.io?.classes ?? 1;
  const report = images?.report ?? null;
  useEffect(() => {
    const timer = setTimeout(
      () =>
        controller.augmentPreview({
          spec,
          seed,
          draw,
          source,
          size: sizeKey.split('x').map(Number),
          channels,
          classes,
        }),
      DEBOUNCE_MS,
    );
    return () => clearTimeout(timer);
    // `report` is a dependency so that re-read images are previewed afresh.
  }, [controller, spec, seed, draw, source, sizeKey, channels, classes, report]);
  return (
    <div
      className="augment-preview"
      data-testid="augment-preview"
      data-draw={preview?.draw ?? 0}
      data-asked={draw}
      data-source={preview?.source ?? ''}
    >
      <div className="train-row">
        <span className="muted">
          {source === 'images' ? 'Your images' : `Synthetic samples, ${sizeKey}`}, draw {draw}
        </span>
        <button type="button" data-testid="augment-new-draw" onClick={() => setDraw(draw + 1)}>
          New draw
        </button>
      </div>
      {preview?.message && <p className="muted">{preview.message}</p>}
      {preview && preview.samples.length > 0 && (
        <>
          <div className="train-preview-head">
            <span>original</span>
            <span>augmented</span>
            <span>mask</span>
            <span>overlay</span>
          </div>
          {preview.samples.map((s, i) => (
            <div key={i} className="train-preview-row augment-sample">
              <PictureCanvas picture={s.original} label={`Sample ${i + 1}`} role="original" />
              <PictureCanvas picture={s.image} label={`Augmented sample ${i + 1}`} role="image" />
              <PictureCanvas picture={s.mask} label={`Augmented mask ${i + 1}`} role="mask" />
              <PictureCanvas
                picture={s.overlay}
                label={`Augmented mask over sample ${i + 1}`}
                role="overlay"
              />
            </div>
          ))}
        </>
      )}
    </div>
  );
}
