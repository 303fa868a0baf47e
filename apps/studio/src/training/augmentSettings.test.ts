import { AUGMENT_FAMILIES, AUGMENT_OFF, blankDesign, zAugmentSpec } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { augmentOn, augmentSummary, FAMILY_VIEWS, withFamily } from './augmentSettings';

describe('augmentation settings', () => {
  it('shows every family of the design format with the format’s own upper bound', () => {
    expect(Object.keys(FAMILY_VIEWS).sort()).toEqual([...AUGMENT_FAMILIES].sort());
    for (const f of AUGMENT_FAMILIES) {
      const at = (strength: number) =>
        zAugmentSpec.safeParse({ [f]: { enabled: true, strength } }).success;
      expect([f, at(FAMILY_VIEWS[f].max)]).toEqual([f, true]);
      expect([f, at(FAMILY_VIEWS[f].max * 1.01 + 0.01)]).toEqual([f, false]);
    }
  });

  it('switches a family on and sets its strength within range, leaving the rest', () => {
    const d = blankDesign();
    const on = withFamily('elastic', { enabled: true })(d);
    expect(on.training.augment.elastic).toEqual({ enabled: true, strength: 10 });
    expect(on.training.augment.flip).toEqual(AUGMENT_OFF.flip);
    expect(augmentOn(on.training.augment)).toBe(true);
    expect(augmentOn(d.training.augment)).toBe(false);
    const strong = withFamily('elastic', { strength: 500 })(on);
    expect(strong.training.augment.elastic.strength).toBe(100);
    expect(withFamily('elastic', { strength: NaN })(strong)).toBe(strong);
    expect(withFamily('flip', { enabled: false })(d)).toBe(d);
    const both = withFamily('flip', { enabled: true })(strong);
    expect(augmentSummary(both.training.augment)).toBe('flip 0.5, elastic 100');
    expect(zAugmentSpec.parse(both.training.augment)).toEqual(both.training.augment);
  });
});
