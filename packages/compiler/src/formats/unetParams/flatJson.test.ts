import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flattenJson, unflattenJson } from './flatJson';

describe('flattenJson / unflattenJson', () => {
  it('keeps a task config leaf by leaf and rebuilds it unchanged', () => {
    const doc = {
      name: 'seg',
      class_map: { '0': 0, '1': 1 },
      datasets: [{ name: 'ludb', params: {} }],
      empty: [],
      'a/b[c]#d~e': 'odd key',
      long: 'x'.repeat(450),
      nested: [[1, 2], [], [{ k: null }]],
    };
    const flat = flattenJson(doc);
    expect(flat.dropped).toEqual([]);
    expect(flat.entries['/class_map/0']).toBe(0);
    expect(flat.entries['/datasets[0]/params#{}']).toBeNull();
    expect(Object.values(flat.entries).every((v) => typeof v !== 'string' || v.length <= 200)).toBe(
      true,
    );
    expect(unflattenJson(flat.entries)).toEqual(doc);
  });

  it('keeps "__proto__" a plain key', () => {
    const doc = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const back = unflattenJson(flattenJson(doc).entries);
    expect(Object.keys(back)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports paths too long for a design and leaves them out', () => {
    const flat = flattenJson({ ['k'.repeat(70)]: 1, short: 2 });
    expect(flat.dropped).toEqual([`/${'k'.repeat(70)}`]);
    expect(unflattenJson(flat.entries)).toEqual({ short: 2 });
  });

  it('round-trips any JSON object whose paths fit', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 })),
        (doc) => {
          const flat = flattenJson(doc);
          if (flat.dropped.length > 0) return;
          expect(JSON.stringify(unflattenJson(flat.entries))).toBe(JSON.stringify(doc));
        },
      ),
      { numRuns: 300 },
    );
  });
});
