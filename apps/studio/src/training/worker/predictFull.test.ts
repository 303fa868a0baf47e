import * as tf from '@tensorflow/tfjs';
import { compile, findTemplate } from '@unet-studio/compiler';
import { buildModel, initBackend } from '@unet-studio/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FullPredictionResult } from '../predict/fullPrediction';
import type { FromWorker, Picture, ToWorker } from '../protocol';
import { createFullPredictor } from './predictFull';

let model: tf.LayersModel;
let calls = 0;

beforeAll(async () => {
  await initBackend('cpu');
  // The tiny template trained at 16×16: a fixed-size, same-padding network.
  model = buildModel(compile(findTemplate('tiny')!.build(), { inputSize: [16, 16] }), { seed: 2 });
  const predict = model.predict.bind(model);
  model.predict = (...args) => {
    calls++;
    return predict(...args);
  };
});
afterAll(() => model.dispose());

/** A `width × height` picture: a bright disc on a darker, slightly noisy background. */
function picture(width: number, height: number): Picture {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const inside = (x - width / 3) ** 2 + (y - height / 2) ** 2 < (height / 4) ** 2;
      const v = inside ? 230 : 30 + ((x * 7 + y * 13) % 20);
      rgba.set([v, v, v, 255], (y * width + x) * 4);
    }
  return { width, height, rgba };
}

function request(
  id: number,
  options: Partial<Extract<ToWorker, { type: 'predict-full' }>['options']> = {},
): Extract<ToWorker, { type: 'predict-full' }> {
  return {
    type: 'predict-full',
    id,
    image: picture(40, 28),
    options: { tile: 'auto', overlap: null, resize: false, ...options },
    threshold: 0.5,
  };
}

const results = (posts: FromWorker[]): FullPredictionResult[] =>
  posts.flatMap((m) => (m.type === 'full-prediction' ? [m.result] : []));

describe('full-size prediction in the worker', () => {
  it('predicts a 40×28 image in 16×16 tiles to a 40×28 overlay and mask, leaving no tensors', async () => {
    const posts: FromWorker[] = [];
    const predictor = createFullPredictor(
      (m) => posts.push(m),
      async () => {},
    );
    const tensors = tf.memory().numTensors;
    await predictor.run(model, request(1, { overlap: 0 }));
    expect(tf.memory().numTensors).toBe(tensors);
    const [result] = results(posts);
    expect(result).toMatchObject({ width: 40, height: 28, classes: 1, threshold: 0.5 });
    expect(result!.overlay).toMatchObject({ width: 40, height: 28 });
    expect(result!.overlay.rgba).toHaveLength(40 * 28 * 4);
    expect(result!.labels).toHaveLength(40 * 28);
    // 16×16 tiles stepping by 16: 3 columns × 2 rows.
    expect(result!.tiling).toMatchObject({ input: [16, 16], tiles: [2, 3], overlap: [0, 0] });
    const progress = posts.filter((m) => m.type === 'predict-progress');
    expect(progress.at(-1)).toMatchObject({ id: 1, done: 6, total: 6 });
  });

  it('re-thresholds the kept probabilities without running the network again', async () => {
    const posts: FromWorker[] = [];
    const predictor = createFullPredictor(
      (m) => posts.push(m),
      async () => {},
    );
    await predictor.run(model, request(2));
    const before = calls;
    predictor.rethreshold(2, 0.05);
    predictor.rethreshold(2, 0.95);
    predictor.rethreshold(99, 0.5); // another prediction's id: nothing
    expect(calls).toBe(before);
    const [middle, low, high] = results(posts);
    expect(results(posts)).toHaveLength(3);
    expect(low!.threshold).toBe(0.05);
    expect(low!.foreground).toBeGreaterThanOrEqual(middle!.foreground);
    expect(high!.foreground).toBeLessThanOrEqual(middle!.foreground);
    expect(low!.foreground).toBeGreaterThan(high!.foreground);
  });

  it('stops between batches when cancelled, keeping nothing', async () => {
    const posts: FromWorker[] = [];
    // The user presses Cancel while the first batch of tiles is done.
    const predictor = createFullPredictor(
      (m) => posts.push(m),
      () => {
        predictor.cancel(3);
        return Promise.resolve();
      },
    );
    const tensors = tf.memory().numTensors;
    // 8-pixel steps over a 400×280 image: 49 × 34 tiles, in batches of 64.
    const big = { ...request(3, { overlap: 8 }), image: picture(400, 280) };
    await predictor.run(model, big);
    expect(posts.at(-1)).toEqual({
      type: 'predict-ended',
      id: 3,
      reason: 'cancelled',
      message: '',
    });
    expect(results(posts)).toEqual([]);
    predictor.rethreshold(3, 0.3);
    expect(results(posts)).toEqual([]);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('resizes instead when asked, still answering at the image size', async () => {
    const posts: FromWorker[] = [];
    const predictor = createFullPredictor(
      (m) => posts.push(m),
      async () => {},
    );
    await predictor.run(model, request(4, { resize: true }));
    const [result] = results(posts);
    expect(result).toMatchObject({ width: 40, height: 28, tiling: null, resizedTo: [16, 16] });
    expect(result!.labels).toHaveLength(40 * 28);
  });

  it('says why when the model does not take the tile size asked for', async () => {
    const posts: FromWorker[] = [];
    const predictor = createFullPredictor(
      (m) => posts.push(m),
      async () => {},
    );
    await predictor.run(model, request(5, { tile: [7, 7] }));
    expect(posts.at(-1)).toMatchObject({ type: 'predict-ended', id: 5, reason: 'failed' });
    expect((posts.at(-1) as { message: string }).message).toContain('does not take 7×7 tiles');
  });
});
