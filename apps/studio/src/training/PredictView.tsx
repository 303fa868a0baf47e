/**
 * After training: predict on an uploaded (or dropped) image at its full size — tiled in the
 * worker as the CLI does — shown with zoom and pan, re-thresholded without another network pass,
 * the mask downloadable as a PNG; and the download of the trained model.
 */
import {
  guardImageDecoder,
  MAX_IMAGE_PIXELS,
  readImageHeader,
} from '@unet-studio/runtime/imageLimits';
import { useState, type DragEvent, type ReactNode } from 'react';
import { useDesign } from '../state/StoreProvider';
import { fileSafeName } from './download';
import { MAX_TRAINING_FILE_BYTES } from './fileLimits';
import { PredictOptionsForm } from './PredictOptionsForm';
import { PredictResult } from './PredictResult';
import { PredictStatus } from './PredictStatus';
import { PredictsWith } from './PredictsWith';
import type { Picture } from './protocol';
import { DEFAULT_PREDICT_FORM, readPredictForm, type PredictForm } from './predict/predictOptions';
import { useTrainingController, useTrainingState, useTrainingStoreApi } from './TrainingContext';

/**
 * Largest image predicted in the studio: 16 MP (the image, its probabilities, overlay and mask
 * all stay in the tab's memory); the CLI takes up to the runtime's 64 MP.
 */
export const PREDICT_MAX_PIXELS = Math.min(MAX_IMAGE_PIXELS, 16 * 1024 * 1024);

/** The browser's decoder, behind the runtime's header check of the pixel limit. */
const decodeRgba = guardImageDecoder(async (bytes, name) => {
  // The guard has read the headers and checked them against the runtime's limit; this one is lower.
  const header = readImageHeader(bytes);
  const pixels = header.width * header.height;
  if (pixels > PREDICT_MAX_PIXELS)
    throw new Error(
      `${name} is ${header.width}×${header.height} (${(pixels / 2 ** 20).toFixed(0)} MP), above the ${PREDICT_MAX_PIXELS / 2 ** 20} MP limit for prediction in the studio; use "unet-studio predict" for larger images`,
    );
  const bitmap = await createImageBitmap(new Blob([bytes.slice().buffer]));
  try {
    const { width, height } = bitmap;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, width, height);
    return { width, height, data: new Uint8Array(data.buffer) };
  } finally {
    bitmap.close();
  }
});

async function decodePicture(file: File): Promise<Picture> {
  if (file.size > MAX_TRAINING_FILE_BYTES)
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

/**
 * Prediction on an uploaded image and the model download; shown once a model is trained.
 *
 * @param props.model where the worker's model came from has its own load: `ready` once loaded
 *   (shown as `data-model`); absent for the browser's own runs.
 */
export function PredictView(props: { model?: 'ready' } = {}): ReactNode {
  const controller = useTrainingController();
  const api = useTrainingStoreApi();
  const state = useTrainingState((s) => s.fullPrediction);
  const name = useDesign((s) => s.design.name);
  // The file, not its pixels: they go to the worker, and "Predict again" reads the file anew.
  const [file, setFile] = useState<File | null>(null);
  const [form, setForm] = useState<PredictForm>(DEFAULT_PREDICT_FORM);
  const [threshold, setThreshold] = useState(0.5);
  const [formError, setFormError] = useState<string | null>(null);

  const run = async (f: File): Promise<void> => {
    const read = readPredictForm(form);
    setFormError(read.ok ? null : read.message);
    if (!read.ok) return;
    try {
      const picture = await decodePicture(f);
      api.getState().setNotice(null);
      controller.full.run(picture, f.name, read.options, threshold);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      api.getState().setNotice(`${f.name} cannot be predicted: ${message}`);
    }
  };
  const onFile = (f: File | undefined): void => {
    if (!f) return;
    setFile(f);
    void run(f);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    const f = e.dataTransfer.files[0];
    if (!f) return;
    // The image is for prediction here, not a design to open.
    e.preventDefault();
    e.stopPropagation();
    onFile(f);
  };
  const onThreshold = (t: number): void => {
    setThreshold(t);
    controller.full.rethreshold(t);
  };
  const running = state.phase === 'running';
  const multiClass = state.phase === 'done' && state.result.classes > 1;

  return (
    <div
      className="train-predict"
      data-testid="train-predict"
      data-model={props.model}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={onDrop}
    >
      <PredictsWith />
      <div className="train-row">
        <label className="train-field" data-testid="predict-file">
          <span>Predict on an image (or drop one here), at its full size</span>
          <input
            type="file"
            accept="image/*"
            data-testid="predict-input"
            onChange={(e) => {
              onFile(e.currentTarget.files?.[0]);
              e.currentTarget.value = '';
            }}
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
      <PredictOptionsForm
        form={form}
        onChange={setForm}
        error={formError}
        canRun={file !== null && !running}
        onRun={() => file && void run(file)}
      />
      <label className="train-field">
        <span>
          Threshold {threshold.toFixed(2)}
          {multiClass ? ' (several classes: each pixel takes the most probable)' : ''}
        </span>
        <input
          type="range"
          min={0.05}
          max={0.95}
          step={0.05}
          value={threshold}
          disabled={multiClass}
          data-testid="predict-threshold"
          onChange={(e) => onThreshold(Number(e.currentTarget.value))}
        />
      </label>
      <PredictStatus state={state} onCancel={() => controller.full.cancel()} />
      {state.phase === 'done' && (
        <PredictResult id={state.id} name={state.name} result={state.result} />
      )}
    </div>
  );
}
