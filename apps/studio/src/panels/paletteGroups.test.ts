import { LAYER_KINDS } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { paletteGroups, searchKinds } from './paletteGroups';

describe('palette groups', () => {
  it('lists every node kind exactly once when there is no query', () => {
    const kinds = paletteGroups('').flatMap((g) => g.kinds);
    expect([...kinds].sort()).toEqual([...LAYER_KINDS].sort());
  });

  it('filters by label, kind and description words', () => {
    expect(searchKinds('pool')[0]).toBe('pool');
    expect(searchKinds('skip')).toContain('skip');
    expect(searchKinds('zzzz')).toEqual([]);
    const groups = paletteGroups('conv');
    expect(groups.every((g) => g.kinds.length > 0)).toBe(true);
    expect(groups.flatMap((g) => g.kinds)).toContain('conv');
  });

  it('searches within the kinds allowed for a dropped wire', () => {
    expect(searchKinds('', ['conv', 'pool'])).toEqual(['conv', 'pool']);
  });
});
