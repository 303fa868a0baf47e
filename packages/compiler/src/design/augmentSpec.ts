/**
 * The augmentation settings of a design's training section: one entry per family, each off by
 * default, with a strength whose unit the family names. The runtime, the CLI and the exported
 * train.py read the same fields, so a run augments the same way wherever it trains.
 */
import { z } from 'zod';

/** One family: on or off, and its strength (bounded by `max`). */
const family = (strength: number, max: number) =>
  z
    .object({
      enabled: z.boolean().default(false),
      strength: z.number().min(0).max(max).default(strength),
    })
    .default({ enabled: false, strength });

/**
 * Augmentation families and the meaning of their strength:
 * - `flip`: probability of each of the horizontal and vertical flips (0.5);
 * - `rotate90`: probability of a quarter turn (1, 2 or 3 quarters, equally likely) (0.75);
 * - `rotate`: largest rotation angle in degrees (15);
 * - `scale`: largest relative zoom, the factor drawn in [1 − s, 1 + s] (0.15);
 * - `crop`: largest fraction of each side cut away before resizing back (0.2);
 * - `brightness`: largest shift of the [0, 1] intensities (0.1);
 * - `contrast`: largest relative change around the image mean (0.2);
 * - `gamma`: largest |log γ| (0.3);
 * - `noise`: largest standard deviation of the added Gaussian noise (0.05);
 * - `elastic`: standard deviation in pixels of the 3×3 grid of displacement vectors, interpolated
 *   bicubically per pixel (Ronneberger et al. 2015) (10).
 */
export const zAugmentSpec = z.object({
  flip: family(0.5, 1),
  rotate90: family(0.75, 1),
  rotate: family(15, 180),
  scale: family(0.15, 0.9),
  crop: family(0.2, 0.9),
  brightness: family(0.1, 1),
  contrast: family(0.2, 1),
  gamma: family(0.3, 2),
  noise: family(0.05, 1),
  elastic: family(10, 100),
});
/** The parsed form of `zAugmentSpec`. */
export type AugmentSpec = z.infer<typeof zAugmentSpec>;
/** A family name of {@link AugmentSpec}. */
export type AugmentFamily = keyof AugmentSpec;

/** The family names, in the order the runtime applies them. */
export const AUGMENT_FAMILIES = Object.keys(zAugmentSpec.shape) as readonly AugmentFamily[];

/** Every family off, at its default strength. */
export const AUGMENT_OFF: AugmentSpec = zAugmentSpec.parse({});
