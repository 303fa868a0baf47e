import { zTrainingSpec } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { checkDataSettings, className, parseWeights, weightingKind } from './dataSettings';
import { checkSettings, defaultSettings } from './settings';

const base = defaultSettings(
  { size: [32, 32], channels: 3, classes: 3 },
  zTrainingSpec.parse({ loss: 'weighted_ce' }),
);

describe('data settings', () => {
  it('defaults to seed 0, class-index masks and no class weights, as the CLI does', () => {
    expect(base).toMatchObject({ seed: 0, masks: 'values', classWeights: 'none' });
    expect(checkSettings(base)).toEqual([]);
  });

  it('reads manual weights and names bad ones', () => {
    expect(parseWeights('0.2, 1 3')).toEqual([0.2, 1, 3]);
    expect(parseWeights('1, x')).toEqual([1, NaN]);
    expect(checkDataSettings({ ...base, classWeights: [1, NaN] })).toEqual([
      'Class weights must be two or more numbers ≥ 0 (background first), got 1, NaN.',
    ]);
    expect(checkDataSettings({ ...base, classWeights: [0.5, 2, 4] })).toEqual([]);
  });

  it('asks for a weighted loss when classes are weighted, and a whole seed', () => {
    expect(checkSettings({ ...base, loss: 'dice', classWeights: 'inverse', seed: 1.5 })).toEqual([
      'Seed must be a whole number ≥ 0, got 1.5.',
      'Class weights need the loss weighted_bce or weighted_ce, got dice.',
    ]);
  });

  it('names the weighting kind and the classes', () => {
    expect([undefined, 'none', 'inverse', [1, 2]].map((w) => weightingKind(w as never))).toEqual([
      'none',
      'none',
      'inverse',
      'manual',
    ]);
    expect(className(['sky', ' '], 1)).toBe('class 1');
    expect(className(['sky'], 0)).toBe('sky');
  });
});
