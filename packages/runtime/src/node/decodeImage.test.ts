import jpeg from 'jpeg-js';
import { GifWriter } from 'omggif';
import { describe, expect, it } from 'vitest';
import { decodeImageNode, sniffImageFormat } from './decodeImage';
import { encodeGreyPng } from './encodePng';

/** A 5×3 grey ramp: value 40·x + 10·y. */
const W = 5;
const H = 3;
const ramp = Uint8Array.from({ length: W * H }, (_, i) => 40 * (i % W) + 10 * Math.floor(i / W));

function gif(values: Uint8Array, width: number, height: number): Uint8Array {
  const buf = new Uint8Array(1024 + width * height * 2);
  const palette = Array.from({ length: 256 }, (_, i) => (i << 16) | (i << 8) | i);
  const writer = new GifWriter(buf, width, height, { palette });
  writer.addFrame(0, 0, width, height, Array.from(values));
  return buf.slice(0, writer.end());
}

describe('decodeImageNode', () => {
  it('reads PNG exactly', async () => {
    const img = await decodeImageNode(encodeGreyPng(ramp, W, H), 'ramp.png');
    expect([img.width, img.height]).toEqual([W, H]);
    expect(Array.from({ length: W * H }, (_, p) => img.data[p * 4])).toEqual(Array.from(ramp));
    expect(img.data[3]).toBe(255);
  });

  it('reads GIF exactly (first frame)', async () => {
    const img = await decodeImageNode(gif(ramp, W, H), 'ramp.gif');
    expect(Array.from({ length: W * H }, (_, p) => img.data[p * 4 + 1])).toEqual(Array.from(ramp));
  });

  it('reads JPEG within compression error', async () => {
    const rgba = new Uint8Array(16 * 16 * 4).fill(200);
    const bytes = jpeg.encode({ data: rgba, width: 16, height: 16 }, 95).data;
    const img = await decodeImageNode(new Uint8Array(bytes), 'flat.jpg');
    expect([img.width, img.height]).toEqual([16, 16]);
    expect(Math.abs(img.data[0]! - 200)).toBeLessThanOrEqual(2);
  });

  it('names corrupt and unknown files', async () => {
    const png = encodeGreyPng(ramp, W, H);
    await expect(decodeImageNode(png.slice(0, 40), 'cut.png')).rejects.toThrow(
      /^cut\.png: corrupt PNG data/,
    );
    const badGif = gif(ramp, W, H).slice(0, 20);
    await expect(decodeImageNode(badGif, 'bad.gif')).rejects.toThrow(/^bad\.gif: corrupt GIF data/);
    await expect(decodeImageNode(new TextEncoder().encode('hello world'), 'a.png')).rejects.toThrow(
      'a.png: not a PNG, JPEG, GIF or TIFF file',
    );
  });

  it('refuses images above the size limit before decoding them', async () => {
    const png = encodeGreyPng(ramp, W, H);
    new DataView(png.buffer).setUint32(16, 100_000);
    new DataView(png.buffer).setUint32(20, 100_000);
    await expect(decodeImageNode(png, 'huge.png')).rejects.toThrow(/above the 64 MP limit/);
  });

  it('knows formats by their bytes', () => {
    expect(sniffImageFormat(encodeGreyPng(ramp, W, H))).toBe('png');
    expect(sniffImageFormat(gif(ramp, W, H))).toBe('gif');
    expect(sniffImageFormat(new Uint8Array([1, 2, 3]))).toBeNull();
  });
});
