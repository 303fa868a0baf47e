/**
 * The augmentation preview, computed in the worker with the runtime's own `augmentSample` and
 * per-sample seeds training uses (run seed, draw as the epoch, sample index), so the preview
 * shows the kind of variants training feeds.
 */
import {
  augmentSample,
  sampleSeed,
  sampleSizes,
  syntheticFor,
  type SegmentationData,
} from '@unet-studio/runtime';
import type { AugmentPreviewRequest, AugmentPreviewResult } from '../augmentProtocol';
import { inputPicture, maskPicture, overlayPicture, targetLabels } from '../pictures';

/** Samples shown. */
export const AUGMENT_PREVIEW_COUNT = 3;

/** Seed of the synthetic samples (the worker's synthetic data seed, so they are the run's). */
const DATA_SEED = 1;

let synthetic: { key: string; data: SegmentationData } | null = null;

function syntheticSamples(r: AugmentPreviewRequest): SegmentationData {
  const key = `${r.size.join('x')}:${r.channels}:${r.classes}`;
  if (synthetic?.key !== key)
    synthetic = {
      key,
      data: syntheticFor(
        { size: r.size, channels: r.channels, classes: r.classes },
        AUGMENT_PREVIEW_COUNT,
        DATA_SEED,
      ),
    };
  return synthetic.data;
}

/**
 * Augments the first few samples of the own images (`own`) or of synthetic data.
 *
 * @returns The pictures, or a message saying why there are none.
 */
export function augmentPreview(
  r: AugmentPreviewRequest,
  own: SegmentationData | null,
): AugmentPreviewResult {
  const answer = { type: 'augment-preview', id: r.id, draw: r.draw, source: r.source } as const;
  const data = r.source === 'images' ? own : syntheticSamples(r);
  if (data === null) return { ...answer, samples: [], message: 'No own images are loaded.' };
  if (data.inputShape.length !== 3)
    return { ...answer, samples: [], message: 'Augmentation works on 2D images only.' };
  const [height, width, channels] = data.inputShape as [number, number, number];
  const targetChannels = data.targetShape[2]!;
  const s = sampleSizes(data);
  const samples = [];
  for (let i = 0; i < Math.min(AUGMENT_PREVIEW_COUNT, data.count); i++) {
    const image = data.x.subarray(i * s.input, (i + 1) * s.input);
    const out = augmentSample(
      {
        height,
        width,
        channels,
        targetChannels,
        image,
        target: data.y.subarray(i * s.target, (i + 1) * s.target),
      },
      r.spec,
      sampleSeed(r.seed, r.draw, i),
    );
    const labels = targetLabels(out.target, s.pixels, data.classes);
    const picture = inputPicture(out.image, height, width, channels);
    samples.push({
      original: inputPicture(image, height, width, channels),
      image: picture,
      mask: maskPicture(labels, height, width),
      overlay: overlayPicture(picture, labels),
    });
  }
  return { ...answer, samples };
}
