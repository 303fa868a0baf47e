/**
 * The preview strip: fixed validation samples with image, ground truth, predicted mask and the
 * overlay, refreshed after every epoch.
 */
import type { ReactNode } from 'react';
import { PictureCanvas } from './PictureCanvas';
import { useTrainingState } from './TrainingContext';
import { runOf } from './trainingState';

/** The strip, or nothing before the first epoch. */
export function PreviewStrip(): ReactNode {
  const preview = useTrainingState((s) => runOf(s.training)?.preview ?? null);
  const epoch = useTrainingState((s) => runOf(s.training)?.epochs.length ?? 0);
  if (preview === null || preview.length === 0) return null;
  return (
    <div className="train-preview" data-testid="train-preview" data-epoch={epoch}>
      <div className="train-preview-head">
        <span>image</span>
        <span>truth</span>
        <span>predicted</span>
        <span>overlay</span>
      </div>
      {preview.map((sample, i) => (
        <div key={i} className="train-preview-row" data-foreground={sample.foreground.toFixed(4)}>
          <PictureCanvas picture={sample.image} label={`Validation sample ${i + 1}`} role="image" />
          <PictureCanvas picture={sample.truth} label={`Ground truth ${i + 1}`} role="truth" />
          <PictureCanvas picture={sample.mask} label={`Predicted mask ${i + 1}`} role="mask" />
          <PictureCanvas
            picture={sample.overlay}
            label={`Prediction over image ${i + 1}`}
            role="overlay"
          />
        </div>
      ))}
    </div>
  );
}
