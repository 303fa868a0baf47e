/**
 * Augmenting one 2D sample: the geometric families move image, mask and weight map with one
 * shared coordinate map (image bilinear, mask and weights nearest-neighbour), then the
 * intensity families change the image alone.
 */
import type { AugmentSpec } from '@unet-studio/compiler';
import { createRandom } from '../random';
import { coordinateMap, drawGeometry, isDiscrete } from './geometry';
import { applyIntensity, drawIntensity } from './intensity';
import { sampleBilinear, sampleNearest } from './sampling';

/** One 2D sample, channels last. */
export interface AugmentSample {
  readonly height: number;
  readonly width: number;
  /** `height × width × channels` input values. */
  readonly image: Float32Array;
  readonly channels: number;
  /** `height × width × targetChannels` target values (0/1 mask or one-hot). */
  readonly target: Float32Array;
  readonly targetChannels: number;
  /** Optional per-pixel loss weights, `height × width`. */
  readonly weights?: Float32Array;
}

/** True when some family of `spec` is on with a non-zero strength. */
export function augmentEnabled(spec: AugmentSpec): boolean {
  return Object.values(spec).some((f) => f.enabled && f.strength > 0);
}

/**
 * Returns an augmented copy of `sample`; the same `seed` always gives the same result.
 *
 * @example const out = augmentSample(sample, { ...AUGMENT_OFF, flip: { enabled: true, strength: 0.5 } }, 7);
 */
export function augmentSample(
  sample: AugmentSample,
  spec: AugmentSpec,
  seed: number,
): AugmentSample {
  const rng = createRandom(seed);
  const { height: h, width: w } = sample;
  const geometry = drawGeometry(spec, rng, h, w);
  const intensity = drawIntensity(spec, rng);
  const map = coordinateMap(geometry, h, w);
  // Whole-pixel moves are exact with nearest sampling; anything finer interpolates the image.
  const image = isDiscrete(geometry)
    ? sampleNearest(sample.image, h, w, sample.channels, map)
    : sampleBilinear(sample.image, h, w, sample.channels, map);
  applyIntensity(image, intensity, rng);
  return {
    ...sample,
    image,
    target: sampleNearest(sample.target, h, w, sample.targetChannels, map),
    ...(sample.weights === undefined
      ? {}
      : { weights: sampleNearest(sample.weights, h, w, 1, map) }),
  };
}
