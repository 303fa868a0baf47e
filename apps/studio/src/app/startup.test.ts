import { serializeDesign } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { encodeShareHash } from '../io/shareLink';
import { chainDesign } from '../state/testDesign';
import { chooseStart } from './startup';

describe('start design', () => {
  const saved = serializeDesign({ ...chainDesign(), name: 'autosaved' });

  it('opens ?template=<name> first', () => {
    const start = chooseStart('?template=small', '', saved);
    expect(start.source).toBe('template');
    expect(start.design.model.nodes.length).toBeGreaterThan(5);
  });

  it('opens a shared link, then the autosave, then a blank design', () => {
    const shared = encodeShareHash(serializeDesign({ ...chainDesign(), name: 'shared' }));
    expect(chooseStart('', shared, saved)).toMatchObject({
      source: 'link',
      design: { name: 'shared' },
    });
    expect(chooseStart('', '', saved)).toMatchObject({
      source: 'autosave',
      design: { name: 'autosaved' },
    });
    expect(chooseStart('', '', null)).toMatchObject({ source: 'blank', warning: null });
  });

  it('says what it skipped and still opens something', () => {
    const unknown = chooseStart('?template=nope', '', saved);
    expect(unknown).toMatchObject({ source: 'autosave' });
    expect(unknown.warning).toMatch(/no template "nope".*small/);
    const damaged = chooseStart('', '#design=%%%', null);
    expect(damaged).toMatchObject({ source: 'blank' });
    expect(damaged.warning).toMatch(/damaged/);
    const corrupt = chooseStart(
      '',
      '',
      '{"format":"unet-studio/design","version":1,"model":{"nodes":[{"id":"x","kind":"laser"}],"edges":[]}}',
    );
    expect(corrupt).toMatchObject({ source: 'blank' });
    expect(corrupt.warning).toMatch(/autosaved design/);
  });
});
