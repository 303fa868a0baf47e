import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/initBackend';
import type { SegmentationData } from '../data/dataset';
import { perImageReport } from './perImageReport';
import { reportLines } from './reportLines';

beforeAll(async () => {
  await initBackend('cpu');
});

/** A model that predicts its one input channel as the mask (1×1 conv to logits 10x − 5). */
function copyModel(bias = -5): tf.LayersModel {
  const m = tf.sequential();
  m.add(
    tf.layers.conv2d({
      inputShape: [4, 4, 1],
      filters: 1,
      kernelSize: 1,
      kernelInitializer: tf.initializers.constant({ value: 10 }),
      biasInitializer: tf.initializers.constant({ value: bias }),
    }),
  );
  return m;
}

/** Three 4×4 images: a perfect one, a half-right one, an all-wrong one. */
function data(): SegmentationData {
  const truth = [...Array(16).keys()].map((i) => (i < 8 ? 1 : 0));
  const half = truth.map((v, i) => (i < 4 ? v : 0));
  const wrong = truth.map((v) => 1 - v);
  return {
    count: 3,
    inputShape: [4, 4, 1],
    targetShape: [4, 4, 1],
    classes: 1,
    x: Float32Array.from([...truth, ...half, ...wrong]),
    y: Float32Array.from([...truth, ...truth, ...truth]),
    names: ['good', 'half', 'wrong'],
  };
}

describe('perImageReport', () => {
  it('scores each image, worst first, with the confusion matrix', async () => {
    const model = copyModel();
    const r = await perImageReport(model, data(), { batchSize: 2 });
    expect(r.ok).toBe(true);
    expect(r.images.map((s) => s.name)).toEqual(['wrong', 'half', 'good']);
    expect(r.images.map((s) => s.dice)).toEqual([0, (2 * 4) / (8 + 4), 1]);
    expect(r.images[1]!.iou).toBeCloseTo(0.5, 6);
    // 48 pixels: truth 24 foreground; predicted foreground 8 + 4 + 8.
    expect(r.confusion).toEqual([
      [16, 8],
      [12, 12],
    ]);
    expect(r.meanDice).toBeCloseTo((0 + 2 / 3 + 1) / 3, 6);
    expect(reportLines(r)[0]).toBe('worst 3 of 3 images (Dice, IoU):');
    model.dispose();
  });

  it('reports NaN outputs as a failure, never as scores', async () => {
    const model = copyModel(Number.NaN);
    const r = await perImageReport(model, data());
    expect(r.ok).toBe(false);
    expect(Number.isNaN(r.meanDice)).toBe(true);
    expect(r.images.every((s) => s.nonFinite && Number.isNaN(s.dice))).toBe(true);
    expect(reportLines(r)[0]).toMatch(/^FAILED: the model gave NaN or infinite outputs on 3 image/);
    model.dispose();
  });
});
