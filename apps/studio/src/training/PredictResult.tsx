/**
 * A finished full-size prediction: how it was tiled and how long it took, the class colours
 * (named by the design's `training.classes`),
 * the overlay in its zoomable viewport, and the mask's download as a full-size PNG.
 */
import { classLabel } from '@unet-studio/compiler';
import type { ReactNode } from 'react';
import { useDesign } from '../state/StoreProvider';
import { formatSeconds } from './format';
import { CLASS_COLOURS } from './pictures';
import { PredictViewport } from './PredictViewport';
import { describeTiling } from './predict/describeTiling';
import type { FullPredictionResult } from './predict/fullPrediction';
import { downloadMaskPng } from './predict/maskDownload';
import { useTrainingStoreApi } from './TrainingContext';

/** The result of prediction `id` on the image `name`. */
export function PredictResult(props: {
  id: number;
  name: string;
  result: FullPredictionResult;
}): ReactNode {
  const { result, name } = props;
  const api = useTrainingStoreApi();
  const classes = useDesign((s) => s.design.training.classes);
  const download = (): void => {
    downloadMaskPng(name, result.labels, result.classes, result.width, result.height).catch(
      (error: unknown) =>
        api
          .getState()
          .setNotice(
            `The mask could not be saved: ${error instanceof Error ? error.message : String(error)}`,
          ),
    );
  };
  return (
    <div
      className="train-prediction"
      data-testid="predict-result"
      data-prediction={props.id}
      data-foreground={result.foreground.toFixed(4)}
      data-threshold={result.threshold}
      data-width={result.width}
      data-height={result.height}
    >
      <p className="muted" data-testid="predict-tiling">
        {name}: {result.width}×{result.height} px, {describeTiling(result.tiling, result.resizedTo)}{' '}
        · {formatSeconds(result.seconds)}
      </p>
      {result.classes > 1 && (
        <p className="muted" data-testid="predict-legend">
          {Array.from({ length: result.classes - 1 }, (_, k) => {
            const [r, g, b] = CLASS_COLOURS[k % CLASS_COLOURS.length]!;
            return (
              <span key={k}>
                <span className="predict-legend" style={{ background: `rgb(${r}, ${g}, ${b})` }} />
                {classLabel(classes, k + 1)}{' '}
              </span>
            );
          })}
        </p>
      )}
      <PredictViewport picture={result.overlay} label={`Predicted mask over ${name}`} />
      <div className="train-row">
        <span className="muted">
          {(result.foreground * 100).toFixed(1)}% foreground
          {result.classes === 1 ? ` at threshold ${result.threshold.toFixed(2)}` : ''}
        </span>
        <button type="button" data-testid="predict-download-mask" onClick={download}>
          Download mask (PNG, {result.width}×{result.height})
        </button>
      </div>
    </div>
  );
}
