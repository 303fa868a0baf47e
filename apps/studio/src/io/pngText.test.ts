import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, embedPngText, extractPngText, isPng, pngChunk } from './pngText';

/** A valid 1×1 RGBA PNG. */
function tinyPng(): Uint8Array {
  const ihdr = new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  const idat = zlibSync(new Uint8Array([0, 255, 0, 0, 255]));
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', idat),
    pngChunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('PNG text chunks', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('embeds a document and reads it back', () => {
    const text = JSON.stringify({ name: 'Kerne 细胞', features: [64, 128, 256] });
    const png = embedPngText(tinyPng(), text);
    expect(isPng(png)).toBe(true);
    expect(extractPngText(png)).toBe(text);
    expect(extractPngText(tinyPng())).toBeNull();
  });

  it('reads a plain tEXt chunk too', () => {
    const base = tinyPng();
    const text = new TextEncoder().encode('unet-studio/design\0{"a":1}');
    const extra = pngChunk('tEXt', text);
    const png = new Uint8Array([
      ...base.subarray(0, base.length - 12),
      ...extra,
      ...base.subarray(base.length - 12),
    ]);
    expect(extractPngText(png)).toBe('{"a":1}');
  });

  it('rejects files that are not PNGs or are corrupt', () => {
    expect(() => extractPngText(new TextEncoder().encode('GIF89a...'))).toThrow(/not a PNG/);
    const png = embedPngText(tinyPng(), 'hello');
    const flipped = png.slice();
    flipped[40] = (flipped[40] ?? 0) ^ 0xff;
    expect(() => extractPngText(flipped)).toThrow(/corrupt|past the end/);
    expect(() => extractPngText(png.subarray(0, png.length - 20))).toThrow();
  });
});
