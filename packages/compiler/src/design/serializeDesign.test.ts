import { describe, expect, it } from 'vitest';
import { lowCodeUnet } from '../../test/unets';
import { parseDesign } from './parseDesign';
import type { Design } from './schema';
import { serializeDesign } from './serializeDesign';

describe('serializeDesign', () => {
  it('round-trips: design → JSON → design is the identity, and saving twice gives the same text', () => {
    const design = lowCodeUnet();
    const text = serializeDesign(design);
    const back = parseDesign(text);
    expect(back.ok && back.value).toEqual(design);
    expect(back.ok && serializeDesign(back.value)).toBe(text);
  });

  it('writes keys in schema order whatever order the object has', () => {
    const design = lowCodeUnet();
    const shuffled = Object.fromEntries(Object.entries(design).reverse()) as Design;
    const text = serializeDesign(shuffled);
    expect(text).toBe(serializeDesign(design));
    expect(text.startsWith('{\n  "format": "unet-studio/design",\n  "version": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('refuses a design that does not satisfy the schema, naming the field', () => {
    const design = lowCodeUnet();
    const bad = {
      ...design,
      model: {
        ...design.model,
        edges: [{ id: '', source: 'a', sourcePort: 'out', target: 'b', targetPort: 'in' }],
      },
    };
    expect(() => serializeDesign(bad)).toThrow(/model\.edges\[0\]\.id/);
  });
});
