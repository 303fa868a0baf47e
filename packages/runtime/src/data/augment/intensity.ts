/**
 * The intensity part of an augmentation, on the image only (the mask is untouched): contrast
 * about the image mean, brightness shift, gamma, then Gaussian noise. Each is monotone or
 * zero-mean, so the objects the mask outlines stay where they are.
 */
import type { AugmentSpec } from '@unet-studio/compiler';
import type { Random } from '../random';

/** The intensity parameters drawn for one sample. */
export interface IntensityDraw {
  readonly contrast: number;
  readonly brightness: number;
  readonly gamma: number;
  /** Standard deviation of the added noise (0: none). */
  readonly noise: number;
}

/** Draws the intensity parameters of one sample; families that are off draw nothing. */
export function drawIntensity(spec: AugmentSpec, rng: Random): IntensityDraw {
  const on = (f: keyof AugmentSpec) => spec[f].enabled && spec[f].strength > 0;
  return {
    contrast: on('contrast') ? 1 + rng.uniform(-1, 1) * spec.contrast.strength : 1,
    brightness: on('brightness') ? rng.uniform(-1, 1) * spec.brightness.strength : 0,
    gamma: on('gamma') ? Math.exp(rng.uniform(-1, 1) * spec.gamma.strength) : 1,
    noise: on('noise') ? rng.uniform(0, spec.noise.strength) : 0,
  };
}

/** True when the draw leaves the image as it is. */
export function isIdentity(d: IntensityDraw): boolean {
  return d.contrast === 1 && d.brightness === 0 && d.gamma === 1 && d.noise === 0;
}

/**
 * Applies `d` to `image` in place. Gamma works on values clamped to [0, 1] (images are read
 * as [0, 1] intensities), so it is only applied when drawn.
 */
export function applyIntensity(image: Float32Array, d: IntensityDraw, rng: Random): void {
  if (d.contrast !== 1) {
    let mean = 0;
    for (let i = 0; i < image.length; i++) mean += image[i]!;
    mean /= Math.max(1, image.length);
    for (let i = 0; i < image.length; i++) image[i] = mean + (image[i]! - mean) * d.contrast;
  }
  if (d.brightness !== 0)
    for (let i = 0; i < image.length; i++) image[i] = image[i]! + d.brightness;
  if (d.gamma !== 1)
    for (let i = 0; i < image.length; i++)
      image[i] = Math.min(1, Math.max(0, image[i]!)) ** d.gamma;
  if (d.noise > 0)
    for (let i = 0; i < image.length; i++) image[i] = image[i]! + rng.normal() * d.noise;
}
