/**
 * Hostile documents from the red-team list, through the studio's import paths (file, paste, share
 * link): each is refused or read at once (the per-test limit fails a hang), with a short message
 * naming the file or link, the field and the limit.
 */
import { describe, expect, it } from 'vitest';
import {
  deeplyNestedJson,
  manyUnknownKeys,
  stridedPools,
} from '../../../../packages/compiler/test/hostile';
import { deflate, toBase64, utf8 } from './bytes';
import { importBytes, importText, type ImportOutcome } from './importDocument';
import { decodeShareHash, encodeShareHash, MAX_HASH_LENGTH } from './shareLink';
import { extractSvgDesign } from './svgExport';

const LIMIT = { timeout: 30_000 };

function refusal(outcome: ImportOutcome): string {
  if (outcome.ok) throw new Error(`expected a refusal, got a ${outcome.what}`);
  return outcome.message;
}

const ID = 'id="unet-studio-design"';

describe('hostile imports', () => {
  it('SVGs built against the old metadata pattern are scanned once', LIMIT, () => {
    const megabyte = 1024 * 1024;
    const unclosed = `<svg><metadata ${`${ID} `.repeat(megabyte / ID.length)}`;
    expect(extractSvgDesign(unclosed)).toBeNull();
    const manyTags = `<svg>${'<metadata '.repeat(megabyte / 10)}`;
    expect(extractSvgDesign(manyTags)).toBeNull();
    const closedMany = `<svg>${`<metadata ${ID} x>`.repeat(20_000)}`;
    expect(extractSvgDesign(closedMany)).toBeNull();
    expect(refusal(importText(unclosed, 'big.svg'))).toMatch(/^big\.svg: The SVG carries no/);
    const text = JSON.stringify(stridedPools(2, 2));
    const good = `<svg><metadata  data-x="1" ${ID}>${toBase64(utf8(text))}</metadata></svg>`;
    expect(extractSvgDesign(good)).toBe(text);
    expect(extractSvgDesign(`<metadataX ${ID}>${toBase64(utf8(text))}</metadata>`)).toBeNull();
  });

  it('a small share link that inflates to 8 MiB of SVG tags is refused at once', LIMIT, () => {
    const bomb = '<metadata '.repeat(800_000);
    const hash = `#design=${toBase64(deflate(utf8(bomb)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')}`;
    expect(hash.length).toBeLessThan(50_000);
    const link = decodeShareHash(hash);
    if (link.kind !== 'document') throw new Error('the link should decode');
    expect(refusal(importText(link.text, 'The shared link'))).toContain('The SVG carries no');
    const huge = decodeShareHash(`#design=${'A'.repeat(MAX_HASH_LENGTH)}`);
    expect(huge).toEqual({
      kind: 'invalid',
      message: 'The shared link is 4.0 MiB long; a link is read up to 4 MiB.',
    });
    expect(decodeShareHash(encodeShareHash('{}')).kind).toBe('document');
  });

  it('deep nesting and 300k keys name the file and the field, in a short message', LIMIT, () => {
    const nested = refusal(importBytes(utf8(deeplyNestedJson(200_000)), 'deep.json'));
    expect(nested).toMatch(/^deep\.json: The JSON file was rejected: model\[0\]\[0\]/);
    expect(nested).toContain('nested more than 64 levels deep');
    expect(nested.length).toBeLessThan(400);
    const keys = refusal(importBytes(utf8(manyUnknownKeys(300_000)), 'keys.json'));
    expect(keys).toBe(
      'keys.json: The JSON file was rejected: model: an object with 300,002 fields; at most 100,000 are read',
    );
  });

  it('each path says its size limit', LIMIT, () => {
    expect(refusal(importText(`{"a":"${'x'.repeat(9 * 1024 * 1024)}"}`, 'paste'))).toBe(
      'paste: The text is 9.0 MiB; a design or config is read up to 8 MiB.',
    );
    expect(refusal(importBytes(new Uint8Array(17 * 1024 * 1024), 'huge.png'))).toBe(
      'huge.png is 17.0 MiB; a file is read up to 16 MiB.',
    );
    expect(refusal(importText(`x = create_model${'\n'.repeat(1_000_000)}`))).toContain(
      'a YAML config is read up to 256 KiB',
    );
  });
});
