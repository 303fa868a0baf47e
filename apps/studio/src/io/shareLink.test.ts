import { describe, expect, it } from 'vitest';
import { deflate, toBase64, utf8 } from './bytes';
import { decodeShareHash, encodeShareHash } from './shareLink';

describe('share links', () => {
  it('round-trips a document, including non-ASCII names', () => {
    const text = JSON.stringify({ name: 'Zellkerne – 细胞', nodes: Array(200).fill('conv') });
    const hash = encodeShareHash(text);
    expect(hash).toMatch(/^#design=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(text.length);
    expect(decodeShareHash(hash)).toEqual({ kind: 'document', text });
  });

  it('ignores hashes that carry no design', () => {
    expect(decodeShareHash('')).toEqual({ kind: 'none' });
    expect(decodeShareHash('#section-2')).toEqual({ kind: 'none' });
  });

  it('reports damaged links instead of throwing', () => {
    const hash = encodeShareHash('{"a":1}');
    const bad = decodeShareHash(hash.slice(0, 12) + '!!' + hash.slice(14));
    expect(bad.kind).toBe('invalid');
    const truncated = decodeShareHash(hash.slice(0, hash.length - 3));
    expect(truncated.kind).toBe('invalid');
  });

  it('refuses a link that inflates beyond the size limit', () => {
    const bomb = '#design=' + toBase64(deflate(utf8(' '.repeat(9 * 1024 * 1024))));
    const result = decodeShareHash(bomb);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.message).toMatch(/larger than/);
  });
});
