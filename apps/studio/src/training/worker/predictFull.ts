/**
 * Full-size prediction in the worker: runs the runtime's tiled prediction one batch of tiles at a
 * time (reporting progress and letting a cancel in between batches), keeps the probabilities of
 * the last image so that a new threshold costs no network pass, and sends back the overlay and
 * labels at the image's size. Every tensor is disposed by the runtime's `tidy` scopes.
 */
import * as tf from '@tensorflow/tfjs';
import {
  imageToInput,
  predict,
  predictFullSizeSteps,
  resizeBilinear,
  resizeNearest,
  type DecodedImage,
} from '@unet-studio/runtime';
import { foregroundShare, overlayPicture } from '../pictures';
import type { Tiling } from '../predict/describeTiling';
import { labelsAt } from '../predict/fullPrediction';
import type { FromWorker, Picture, ToWorker } from '../protocol';

/** Sends a report to the app, transferring `transfer`. */
export type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** The full-size predictor of one worker. */
export interface FullPredictor {
  /** Predicts `request.image` with `model`; a run in progress is cancelled first. */
  run(
    model: tf.LayersModel | null,
    request: Extract<ToWorker, { type: 'predict-full' }>,
  ): Promise<void>;
  /** Sends the kept prediction `id` again at `threshold`. */
  rethreshold(id: number, threshold: number): void;
  /** Stops run `id` after its current batch of tiles. */
  cancel(id: number): void;
  /** Stops any run and drops the kept probabilities (the model changes). */
  release(): void;
}

/** The last prediction's probabilities on a grid (the image's, or the model input's when resized). */
interface Kept {
  readonly id: number;
  readonly image: Picture;
  readonly probabilities: Float32Array;
  readonly classes: number;
  readonly grid: readonly [number, number];
  readonly tiling: Tiling | null;
  readonly resizedTo: readonly [number, number] | null;
  readonly seconds: number;
}

function inputChannels(model: tf.LayersModel): 1 | 3 | 4 {
  const shape = model.inputs[0]?.shape ?? [];
  const c = shape[3];
  if (shape.length !== 4 || (c !== 1 && c !== 3 && c !== 4))
    throw new Error('prediction on an image needs a 2D model with 1, 3 or 4 input channels');
  return c;
}

/** The model's probabilities for `image` resized to its input size. */
function resizedProbabilities(
  model: tf.LayersModel,
  image: DecodedImage,
  channels: 1 | 3 | 4,
): { probabilities: Float32Array; grid: [number, number] } {
  const [, h, w] = model.inputs[0]?.shape ?? [];
  if (!h || !w) throw new Error('resizing needs a model with a fixed input size');
  const input = imageToInput(resizeBilinear(image, w, h), channels);
  const probabilities = tf.tidy(() => {
    const { probabilities: p } = predict(model, tf.tensor3d(input, [h, w, channels]));
    return p.dataSync() as Float32Array;
  });
  return { probabilities, grid: [h, w] };
}

/**
 * A predictor posting through `post`; `pause` lets the worker's other messages in between
 * batches (a macrotask by default).
 */
export function createFullPredictor(
  post: Post,
  pause: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 0)),
): FullPredictor {
  let kept: Kept | null = null;
  let running: { id: number; cancelled: boolean } | null = null;

  const send = (k: Kept, threshold: number): void => {
    const [gh, gw] = k.grid;
    const { width, height } = k.image;
    const grid = labelsAt(k.probabilities, k.classes, threshold);
    const labels =
      gh === height && gw === width ? grid : resizeNearest(grid, gw, gh, width, height);
    const overlay = overlayPicture(k.image, labels);
    const result = {
      width,
      height,
      overlay,
      labels,
      classes: k.classes,
      foreground: foregroundShare(labels),
      threshold,
      tiling: k.tiling,
      resizedTo: k.resizedTo,
      seconds: k.seconds,
    };
    post({ type: 'full-prediction', id: k.id, result }, [overlay.rgba.buffer, labels.buffer]);
  };

  return {
    async run(model, request) {
      if (running) running.cancelled = true;
      kept = null;
      const token = { id: request.id, cancelled: false };
      running = token;
      const started = performance.now();
      const { image, options } = request;
      try {
        if (model === null) throw new Error('there is no trained model yet: train first');
        const channels = inputChannels(model);
        const decoded: DecodedImage = {
          width: image.width,
          height: image.height,
          data: new Uint8Array(image.rgba.buffer, image.rgba.byteOffset, image.rgba.byteLength),
        };
        let next: Omit<Kept, 'seconds'>;
        if (options.resize) {
          const { probabilities, grid } = resizedProbabilities(model, decoded, channels);
          const classes = probabilities.length / (grid[0] * grid[1]);
          next = {
            id: token.id,
            image,
            probabilities,
            classes,
            grid,
            tiling: null,
            resizedTo: grid,
          };
        } else {
          const input = {
            height: image.height,
            width: image.width,
            channels,
            data: imageToInput(decoded, channels),
          };
          const steps = predictFullSizeSteps(model, input, {
            tile: options.tile,
            ...(options.overlap === null ? {} : { overlap: options.overlap }),
          });
          let step = steps.next();
          while (step.done !== true) {
            post({ type: 'predict-progress', id: token.id, ...step.value });
            await pause();
            if (token.cancelled) {
              post({ type: 'predict-ended', id: token.id, reason: 'cancelled', message: '' });
              return;
            }
            step = steps.next();
          }
          const p = step.value;
          next = {
            id: token.id,
            image,
            probabilities: p.probabilities,
            classes: p.classes,
            grid: [p.height, p.width],
            tiling: p.tiling,
            resizedTo: null,
          };
        }
        kept = { ...next, seconds: (performance.now() - started) / 1000 };
        send(kept, request.threshold);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        post({ type: 'predict-ended', id: token.id, reason: 'failed', message });
      } finally {
        if (running === token) running = null;
      }
    },
    rethreshold(id, threshold) {
      if (kept !== null && kept.id === id) send(kept, threshold);
    },
    cancel(id) {
      if (running?.id === id) running.cancelled = true;
    },
    release() {
      if (running) running.cancelled = true;
      kept = null;
    },
  };
}
