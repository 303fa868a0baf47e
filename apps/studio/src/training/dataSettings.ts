/**
 * The data settings of a run besides the source: seed, mask coding and class weights, with the
 * checks that name the field (as the CLI's `--seed`, `--masks` and `--class-weights` do).
 */
import type { ClassWeighting, MaskCodingName } from '@unet-studio/runtime';
import type { TrainSettings } from './settings';

/** Mask codings offered, with what the user reads. */
export const MASK_CODINGS: readonly { value: MaskCodingName; label: string }[] = [
  { value: 'values', label: 'class indices (grey values; 0/255 for one class)' },
  { value: 'voc', label: 'palette PNG (Pascal VOC colours)' },
  { value: 'rgb', label: 'RGB colour codes → classes (legend below)' },
];

/** The class weighting kinds offered. */
export const WEIGHTINGS = ['none', 'inverse', 'manual'] as const;
/** A class weighting kind. */
export type WeightingKind = (typeof WEIGHTINGS)[number];

/** The kind of a weighting. */
export function weightingKind(w: ClassWeighting | undefined): WeightingKind {
  return w === undefined || w === 'none' ? 'none' : w === 'inverse' ? 'inverse' : 'manual';
}

/**
 * Reads manual class weights typed as `0.2, 1, 3`; words and empty items become NaN, which the
 * check reports.
 */
export function parseWeights(text: string): number[] {
  return text
    .split(/[,\s]+/)
    .filter((t) => t.length > 0)
    .map((t) => (/^[0-9.eE+-]+$/.test(t) ? Number(t) : NaN));
}

/** The name shown for class `i`. */
export function className(names: readonly string[] | undefined, i: number): string {
  const name = names?.[i]?.trim();
  return name ? name : `class ${i}`;
}

/** The problems with the seed and class weights, each naming the field. */
export function checkDataSettings(s: TrainSettings): string[] {
  const problems: string[] = [];
  const seed = s.seed ?? 0;
  if (!(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff))
    problems.push(`Seed must be a whole number ≥ 0, got ${seed}.`);
  const w = s.classWeights ?? 'none';
  if (w === 'none') return problems;
  if (s.loss !== 'weighted_bce' && s.loss !== 'weighted_ce')
    problems.push(`Class weights need the loss weighted_bce or weighted_ce, got ${s.loss}.`);
  if (typeof w !== 'string' && (w.length < 2 || w.some((v) => !(v >= 0 && Number.isFinite(v)))))
    problems.push(
      `Class weights must be two or more numbers ≥ 0 (background first), got ${w.join(', ')}.`,
    );
  return problems;
}
