import { serializeDesign, type Design } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { encodeShareHash } from '../io/shareLink';
import type { ReadableDocument } from '../persistence/records';
import { chainDesign } from '../state/testDesign';
import { chooseStart } from './startup';

const doc = (id: string, name: string): ReadableDocument => {
  const design: Design = { ...chainDesign(), name };
  return {
    kind: 'document',
    design,
    record: {
      id,
      format: 1,
      name,
      createdAt: 1,
      modifiedAt: 1,
      text: serializeDesign(design),
      origin: 'test',
      deletedAt: null,
    },
  };
};

describe('start design', () => {
  const library = [doc('recent', 'edited'), doc('older', 'older')];

  it('opens ?template=<name> as a new document, leaving the library alone', () => {
    const start = chooseStart('?template=small', '', library);
    expect(start).toMatchObject({ source: 'template', docId: null });
    expect(start.origin).toMatch(/template/);
    expect(start.design.model.nodes.length).toBeGreaterThan(5);
  });

  it('opens a shared link as a new document, then this tab’s document, the most recent, a blank', () => {
    const shared = encodeShareHash(serializeDesign({ ...chainDesign(), name: 'shared' }));
    expect(chooseStart('', shared, library)).toMatchObject({
      source: 'link',
      docId: null,
      design: { name: 'shared' },
    });
    expect(chooseStart('', '', library, 'older')).toMatchObject({
      source: 'library',
      docId: 'older',
    });
    expect(chooseStart('', '', library, 'gone')).toMatchObject({ docId: 'recent' });
    expect(chooseStart('', '', [])).toMatchObject({ source: 'blank', docId: null, warning: null });
  });

  it('says what it skipped and still opens something', () => {
    const unknown = chooseStart('?template=nope', '', library);
    expect(unknown).toMatchObject({ source: 'library', docId: 'recent' });
    expect(unknown.warning).toMatch(/no template "nope".*small/);
    const damaged = chooseStart('', '#design=%%%', []);
    expect(damaged).toMatchObject({ source: 'blank' });
    expect(damaged.warning).toMatch(/damaged/);
  });
});
