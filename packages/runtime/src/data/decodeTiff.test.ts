import pako from 'pako';
import UTIF from 'utif2';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../node/decodeImage';
import { decodeTiff, isTiff } from './decodeTiff';

/** An uncompressed little-endian one-channel 16-bit TIFF. */
function grey16Tiff(
  width: number,
  height: number,
  values: readonly number[],
  deflate = false,
): Uint8Array {
  const raw = new Uint8Array(width * height * 2);
  values.forEach((x, i) => new DataView(raw.buffer).setUint16(i * 2, x, true));
  const strip = deflate ? pako.deflate(raw) : raw;
  const tags: [number, number, number][] = [
    [256, 3, width],
    [257, 3, height],
    [258, 3, 16],
    [259, 3, deflate ? 8 : 1],
    [262, 3, 1],
    [273, 4, 0], // strip offset, filled below
    [277, 3, 1],
    [278, 3, height],
    [279, 4, strip.length],
  ];
  const ifdSize = 2 + tags.length * 12 + 4;
  const dataAt = 8 + ifdSize;
  const out = new Uint8Array(dataAt + strip.length);
  const v = new DataView(out.buffer);
  out.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, 8, true);
  v.setUint16(8, tags.length, true);
  tags.forEach(([tag, type, value], i) => {
    const at = 10 + i * 12;
    v.setUint16(at, tag, true);
    v.setUint16(at + 2, type, true);
    v.setUint32(at + 4, 1, true);
    if (type === 3) v.setUint16(at + 8, value, true);
    else v.setUint32(at + 8, tag === 273 ? dataAt : value, true);
  });
  out.set(strip, dataAt);
  return out;
}

describe('decodeTiff', () => {
  it('reads an RGBA TIFF', async () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 9, 9, 9, 255]);
    const bytes = new Uint8Array(UTIF.encodeImage(rgba, 2, 2));
    expect(isTiff(bytes)).toBe(true);
    const img = await decodeImageNode(bytes, 'mask.tif');
    expect([img.width, img.height]).toEqual([2, 2]);
    expect(Array.from(img.data)).toEqual(Array.from(rgba));
  });

  it('keeps 16-bit class indices, and scales 16-bit intensities to 8 bits', () => {
    const mask = decodeTiff(grey16Tiff(3, 1, [0, 2, 7]));
    expect([mask.data[0], mask.data[4], mask.data[8]]).toEqual([0, 2, 7]);
    const image = decodeTiff(grey16Tiff(2, 1, [0, 65535]));
    expect([image.data[0], image.data[4]]).toEqual([0, 255]);
    const deflated = decodeTiff(grey16Tiff(3, 1, [0, 2, 7], true));
    expect([deflated.data[0], deflated.data[4], deflated.data[8]]).toEqual([0, 2, 7]);
  });

  it('refuses corrupt and oversized files with a message', async () => {
    await expect(
      decodeImageNode(new Uint8Array([0x49, 0x49, 42, 0, 1, 2, 3, 4]), 'x.tif'),
    ).rejects.toThrow(/x\.tif: corrupt TIFF data/);
    const huge = grey16Tiff(1, 1, [0]);
    new DataView(huge.buffer).setUint16(10 + 8, 60000, true);
    new DataView(huge.buffer).setUint16(22 + 8, 60000, true);
    expect(() => decodeTiff(huge)).toThrow(/above the 64 MP limit/);
  });
});
