/**
 * After training: predict on an uploaded image (mask over the image, adjustable threshold) and
 * download the trained model (tfjs format, design embedded).
 */
import { guardImageDecoder } from '@unet-studio/runtime/imageLimits';
import { useState, type ReactNode } from 'react';
import { useDesign } from '../state/StoreProvider';
import { fileSafeName } from './download';
import { PictureCanvas } from './PictureCanvas';
import type { Picture } from './protocol';
import { useTrainingController, useTrainingState, useTrainingStoreApi } from './TrainingContext';

/** Largest image file read for prediction (256 MiB, as for training images). */
const MAX_PICTURE_BYTES = 256 * 1024 * 1024;

/** The browser's decoder, behind the runtime's header check of the pixel limit. */
const decodeRgba = guardImageDecoder(async (bytes) => {
  const bitmap = await createImageBitmap(new Blob([bytes.slice().buffer]));
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: bitmap.width, height: bitmap.height, data: new Uint8Array(data.buffer) };
  } finally {
    bitmap.close();
  }
});

async function decodePicture(file: File): Promise<Picture> {
  if (file.size > MAX_PICTURE_BYTES)
    throw new Error(
      `${file.name} is ${Math.round(file.size / 1024 / 1024)} MiB, above the 256 MiB limit for an image`,
    );
  const image = await decodeRgba(new Uint8Array(await file.arrayBuffer()), file.name);
  return {
    width: image.width,
    height: image.height,
    rgba: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength),
  };
}

/** Prediction on an uploaded image and the model download; shown once a model is trained. */
export function PredictView(): ReactNode {
  const controller = useTrainingController();
  const api = useTrainingStoreApi();
  const prediction = useTrainingState((s) => s.prediction);
  const name = useDesign((s) => s.design.name);
  const [image, setImage] = useState<Picture | null>(null);
  const [threshold, setThreshold] = useState(0.5);
  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const picture = await decodePicture(file);
      setImage(picture);
      controller.predict(picture, threshold);
    } catch (error) {
      api
        .getState()
        .setNotice(
          `${file.name} is not a readable image: ${error instanceof Error ? error.message : String(error)}`,
        );
    }
  };
  const onThreshold = (t: number): void => {
    setThreshold(t);
    if (image) controller.predict(image, t);
  };
  return (
    <div className="train-predict" data-testid="train-predict">
      <div className="train-row">
        <label className="train-field">
          <span>Predict on an image</span>
          <input
            type="file"
            accept="image/*"
            data-testid="predict-file"
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
          />
        </label>
        <button
          type="button"
          data-testid="train-download"
          onClick={() => controller.download(fileSafeName(name))}
        >
          Download model
        </button>
        <button
          type="button"
          data-testid="train-download-pytorch"
          title="model.py, train.py and the trained weights as weights.pt, zipped"
          onClick={() => controller.downloadPytorch()}
        >
          Download for PyTorch
        </button>
      </div>
      <label className="train-field">
        <span>Threshold {threshold.toFixed(2)}</span>
        <input
          type="range"
          min={0.05}
          max={0.95}
          step={0.05}
          value={threshold}
          data-testid="predict-threshold"
          onChange={(e) => onThreshold(Number(e.currentTarget.value))}
        />
      </label>
      {prediction && (
        <div
          className="train-prediction"
          data-testid="predict-result"
          data-foreground={prediction.foreground.toFixed(4)}
          data-threshold={prediction.threshold}
        >
          <PictureCanvas
            picture={prediction.overlay}
            label="Predicted mask over the uploaded image"
            role="prediction"
          />
          <span className="muted">
            {(prediction.foreground * 100).toFixed(1)}% foreground at threshold{' '}
            {prediction.threshold.toFixed(2)}
          </span>
        </div>
      )}
    </div>
  );
}
