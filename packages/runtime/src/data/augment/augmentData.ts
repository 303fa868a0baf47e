/**
 * Augmenting whole batches of a {@link SegmentationData}: each sample gets its own seed from the
 * run's seed, the epoch and the sample's index in the training set, so a run is reproducible
 * whatever the batch size or the number of workers.
 */
import type { AugmentSpec } from '@unet-studio/compiler';
import type { SegmentationData } from '../dataset';
import { sampleSizes } from '../dataset';
import { augmentEnabled, augmentSample } from './augmentSample';

/** Where a batch comes from in a run: the 1-based epoch and each sample's index in the set. */
export interface AugmentAt {
  readonly epoch: number;
  readonly indices: readonly number[];
}

/** A per-batch augmentation, as `train`'s `augment` option takes it. */
export type Augmenter = (batch: SegmentationData, at: AugmentAt) => SegmentationData;

/** A 32-bit hash of the run seed, epoch and sample index (murmur3's finaliser on a mix). */
export function sampleSeed(seed: number, epoch: number, index: number): number {
  let h = (seed ^ Math.imul(epoch + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Augments every sample of `data` (2D data only). `at.indices[i]` is the index of sample `i`
 * in the training set (default: its position in `data`).
 *
 * @throws when `data` is not 2D images (1D signals are not augmented).
 */
export function augmentData(
  data: SegmentationData,
  spec: AugmentSpec,
  seed: number,
  at: AugmentAt = { epoch: 0, indices: [] },
): SegmentationData {
  if (data.inputShape.length !== 3)
    throw new Error('augmentation works on 2D images; this data set is 1D (switch it off)');
  const [height, width, channels] = data.inputShape as [number, number, number];
  const targetChannels = data.targetShape[2]!;
  const s = sampleSizes(data);
  const x = new Float32Array(data.x.length);
  const y = new Float32Array(data.y.length);
  const weights = data.weights === undefined ? undefined : new Float32Array(data.weights.length);
  for (let i = 0; i < data.count; i++) {
    const out = augmentSample(
      {
        height,
        width,
        channels,
        targetChannels,
        image: data.x.subarray(i * s.input, (i + 1) * s.input),
        target: data.y.subarray(i * s.target, (i + 1) * s.target),
        ...(data.weights === undefined
          ? {}
          : { weights: data.weights.subarray(i * s.pixels, (i + 1) * s.pixels) }),
      },
      spec,
      sampleSeed(seed, at.epoch, at.indices[i] ?? i),
    );
    x.set(out.image, i * s.input);
    y.set(out.target, i * s.target);
    if (weights !== undefined && out.weights !== undefined) weights.set(out.weights, i * s.pixels);
  }
  return { ...data, x, y, ...(weights === undefined ? {} : { weights }) };
}

/**
 * The augmenter of a run, or null when every family is off (training then uses the samples
 * as they are).
 *
 * @example train(model, data, { augment: makeAugmenter(design.training.augment, seed) ?? undefined });
 */
export function makeAugmenter(spec: AugmentSpec, seed: number): Augmenter | null {
  if (!augmentEnabled(spec)) return null;
  return (batch, at) => augmentData(batch, spec, seed, at);
}
