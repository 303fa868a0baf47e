import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AUGMENT_FAMILIES, AUGMENT_OFF, zAugmentSpec } from './augmentSpec';
import { parseDesign } from './parseDesign';
import { serializeDesign } from './serializeDesign';

const fixture = readFileSync(
  new URL('../../fixtures/design-v1-no-augment.json', import.meta.url),
  'utf8',
);

describe('training.augment', () => {
  it('reads a version 1 design saved without it as every family off', () => {
    const parsed = parseDesign(fixture);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.training.loss).toBe('bce_dice');
    expect(parsed.value.training.augment).toEqual(AUGMENT_OFF);
    expect(AUGMENT_FAMILIES.every((f) => !AUGMENT_OFF[f].enabled)).toBe(true);
    expect(AUGMENT_OFF.elastic.strength).toBe(10);
  });

  it('keeps families switched on and their strengths through save and open', () => {
    const parsed = parseDesign(fixture);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const design = {
      ...parsed.value,
      training: {
        ...parsed.value.training,
        augment: {
          ...AUGMENT_OFF,
          flip: { enabled: true, strength: 0.5 },
          elastic: { enabled: true, strength: 6 },
        },
      },
    };
    const again = parseDesign(serializeDesign(design));
    expect(again.ok && again.value.training.augment).toEqual(design.training.augment);
  });

  it('rejects strengths outside a family range, naming the field', () => {
    const bad = zAugmentSpec.safeParse({ rotate: { enabled: true, strength: 400 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['rotate', 'strength']);
  });
});
