/**
 * The preview strip: fixed validation samples, their ground truth and the current model's
 * predicted mask over the image.
 */
import * as tf from '@tensorflow/tfjs';
import { predict, sampleSizes, type SegmentationData } from '@unet-studio/runtime';
import {
  foregroundShare,
  inputPicture,
  maskPicture,
  overlayPicture,
  targetLabels,
} from '../pictures';
import type { PreviewSample } from '../protocol';

/** Samples shown in the strip. */
export const PREVIEW_COUNT = 3;

/** Height and width of a sample (1D samples are one row). */
function dims(data: SegmentationData): { height: number; width: number; channels: number } {
  const shape = data.inputShape;
  const channels = shape[shape.length - 1]!;
  return shape.length === 3
    ? { height: shape[0]!, width: shape[1]!, channels }
    : { height: 1, width: shape[0]!, channels };
}

/** Predicts the first {@link PREVIEW_COUNT} samples of `data` and pictures them. */
export async function previewSamples(
  model: tf.LayersModel,
  data: SegmentationData,
  threshold: number,
): Promise<PreviewSample[]> {
  const count = Math.min(PREVIEW_COUNT, data.count);
  const s = sampleSizes(data);
  const { height, width, channels } = dims(data);
  const x = tf.tensor(data.x.subarray(0, count * s.input), [count, ...data.inputShape]);
  const { probabilities, mask } = predict(model, x, { threshold });
  try {
    const labels = await mask.data();
    const samples: PreviewSample[] = [];
    for (let i = 0; i < count; i++) {
      const image = inputPicture(
        data.x.subarray(i * s.input, (i + 1) * s.input),
        height,
        width,
        channels,
      );
      const predicted = Uint8Array.from(labels.subarray(i * s.pixels, (i + 1) * s.pixels));
      const truth = targetLabels(
        data.y.subarray(i * s.target, (i + 1) * s.target),
        s.pixels,
        data.classes,
      );
      samples.push({
        image,
        truth: maskPicture(truth, height, width),
        mask: maskPicture(predicted, height, width),
        overlay: overlayPicture(image, predicted),
        foreground: foregroundShare(predicted),
      });
    }
    return samples;
  } finally {
    tf.dispose([x, probabilities, mask]);
  }
}
