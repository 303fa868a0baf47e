/**
 * The augmentation families as the training panel shows them (label, what the strength means,
 * its range) and the pure changes to a design's `training.augment` the panel makes.
 */
import {
  AUGMENT_FAMILIES,
  type AugmentFamily,
  type AugmentSpec,
  type Design,
} from '@unet-studio/compiler';

/** How the panel shows one family's strength. */
export interface FamilyView {
  readonly label: string;
  /** What the strength is, with its unit. */
  readonly strength: string;
  readonly max: number;
  readonly step: number;
}

/** Every family of the design format, in the order the runtime applies them. */
export const FAMILY_VIEWS: Readonly<Record<AugmentFamily, FamilyView>> = {
  flip: { label: 'Flips (horizontal, vertical)', strength: 'probability', max: 1, step: 0.05 },
  rotate90: { label: '90° rotations', strength: 'probability', max: 1, step: 0.05 },
  rotate: { label: 'Random rotation', strength: 'max angle (°)', max: 180, step: 1 },
  scale: { label: 'Random scale', strength: 'max zoom (±)', max: 0.9, step: 0.05 },
  crop: { label: 'Random crop', strength: 'max cut per side', max: 0.9, step: 0.05 },
  brightness: { label: 'Brightness', strength: 'max shift', max: 1, step: 0.01 },
  contrast: { label: 'Contrast', strength: 'max change (±)', max: 1, step: 0.05 },
  gamma: { label: 'Gamma', strength: 'max |log γ|', max: 2, step: 0.05 },
  noise: { label: 'Gaussian noise', strength: 'max σ', max: 1, step: 0.01 },
  elastic: { label: 'Elastic deformation', strength: 'σ of 3×3 grid (px)', max: 100, step: 1 },
};

/** The families, in order. */
export const FAMILIES: readonly AugmentFamily[] = AUGMENT_FAMILIES;

/** True when some family is on with a non-zero strength (the runtime's `augmentEnabled`). */
export function augmentOn(spec: AugmentSpec): boolean {
  return Object.values(spec).some((f) => f.enabled && f.strength > 0);
}

/** The families switched on, as `flip 0.5, elastic 10` (the CLI's augmentation line). */
export function augmentSummary(spec: AugmentSpec): string {
  return FAMILIES.filter((f) => spec[f].enabled && spec[f].strength > 0)
    .map((f) => `${f} ${spec[f].strength}`)
    .join(', ');
}

/**
 * A recipe setting one family's switch or strength. A strength outside `[0, max]` or not a
 * number is clamped into range, so the design stays valid.
 */
export function withFamily(
  family: AugmentFamily,
  patch: { enabled?: boolean; strength?: number },
): (design: Design) => Design {
  return (design) => {
    const current = design.training.augment[family];
    const max = FAMILY_VIEWS[family].max;
    const strength =
      patch.strength === undefined
        ? current.strength
        : Number.isFinite(patch.strength)
          ? Math.min(max, Math.max(0, patch.strength))
          : current.strength;
    const next = { enabled: patch.enabled ?? current.enabled, strength };
    if (next.enabled === current.enabled && next.strength === current.strength) return design;
    return {
      ...design,
      training: {
        ...design.training,
        augment: { ...design.training.augment, [family]: next },
      },
    };
  };
}
