import { GifWriter } from 'omggif';
import { describe, expect, it } from 'vitest';
import type { ImageDecoder } from './imageOps';
import { guardImageDecoder, MAX_IMAGE_PIXELS, readImageHeader } from './imageLimits';

/** A GIF with a 1×1 screen whose only frame declares 65535×65535 pixels (35 bytes). */
const HOSTILE_GIF = Uint8Array.from([
  ...[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // GIF89a
  ...[1, 0, 1, 0, 0x80, 0, 0], // 1×1 screen, 2-colour global table
  ...[0, 0, 0, 255, 255, 255],
  ...[0x2c, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0], // frame at 0,0 of 65535×65535
  ...[2, 2, 0x44, 0x01, 0], // LZW data
  0x3b,
]);

/** A JPEG whose frame header (SOF0) says 60000×60000, with no image data after it. */
const HOSTILE_JPEG = Uint8Array.from([
  ...[0xff, 0xd8],
  ...[0xff, 0xe0, 0, 4, 0, 0], // an APP0 segment to skip
  ...[0xff, 0xc0, 0, 11, 8, 0xea, 0x60, 0xea, 0x60, 1, 1, 0x11, 0],
  ...[0xff, 0xd9],
]);

/** A PNG signature and IHDR chunk declaring 100000×100000. */
const HOSTILE_PNG = Uint8Array.from([
  ...[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  ...[0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52],
  ...[0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0, 8, 0, 0, 0, 0],
  ...[0, 0, 0, 0],
]);

/** A decoder that must never be reached. */
const mustNotRun: ImageDecoder = () => Promise.reject(new Error('the decoder ran'));

function gifFrames(frames: readonly (readonly [number, number])[]): Uint8Array {
  const buf = new Uint8Array(4096);
  const palette = [0x000000, 0xffffff];
  const writer = new GifWriter(buf, 4, 4, { palette, loop: 0 });
  for (const [w, h] of frames) writer.addFrame(0, 0, w, h, new Array<number>(w * h).fill(1));
  return buf.slice(0, writer.end());
}

describe('readImageHeader', () => {
  it('reads every GIF frame, not only the screen', () => {
    const header = readImageHeader(
      gifFrames([
        [4, 4],
        [2, 3],
      ]),
    );
    expect(header).toMatchObject({ format: 'gif', width: 4, height: 4 });
    expect(header.frames).toEqual([
      { width: 4, height: 4 },
      { width: 2, height: 3 },
    ]);
    expect(readImageHeader(HOSTILE_GIF).frames).toEqual([{ width: 65535, height: 65535 }]);
  });

  it('reads JPEG frame headers past other segments, and the PNG IHDR', () => {
    expect(readImageHeader(HOSTILE_JPEG)).toMatchObject({ width: 60000, height: 60000 });
    expect(readImageHeader(HOSTILE_PNG)).toMatchObject({ width: 100000, height: 100000 });
  });

  it('says what is wrong with truncated or unknown bytes', () => {
    expect(() => readImageHeader(HOSTILE_GIF.slice(0, 20))).toThrow(/truncated/);
    expect(() => readImageHeader(HOSTILE_JPEG.slice(0, 4))).toThrow(/no frame header/);
    expect(() => readImageHeader(new TextEncoder().encode('BM not an image'))).toThrow(
      'not a PNG, JPEG, GIF or TIFF file',
    );
  });
});

describe('guardImageDecoder', () => {
  it('refuses an oversized frame of every format before the decoder runs', async () => {
    const guarded = guardImageDecoder(mustNotRun);
    await expect(guarded(HOSTILE_GIF, 'bomb.gif')).rejects.toThrow(
      /^bomb\.gif: frame is 65535×65535 \(4096 MP\), above the 64 MP limit$/,
    );
    await expect(guarded(HOSTILE_JPEG, 'bomb.jpg')).rejects.toThrow(/60000×60000.*64 MP limit/);
    await expect(guarded(HOSTILE_PNG, 'bomb.png')).rejects.toThrow(/100000×100000.*64 MP limit/);
  });

  it('names the frame of a many-frame GIF that is too large', async () => {
    const side = Math.ceil(Math.sqrt(MAX_IMAGE_PIXELS)) + 1;
    const bytes = gifFrames([[4, 4]]);
    // Patch the frame descriptor's size to just above the limit.
    const at = bytes.indexOf(0x2c, 13);
    bytes.set([side & 255, side >> 8, side & 255, side >> 8], at + 5);
    await expect(guardImageDecoder(mustNotRun)(bytes, 'x.gif')).rejects.toThrow(
      `x.gif: frame is ${side}×${side}`,
    );
  });

  it('passes images within the limit to the decoder and checks what it returns', async () => {
    const ok: ImageDecoder = () =>
      Promise.resolve({ width: 4, height: 4, data: new Uint8Array(64) });
    await expect(guardImageDecoder(ok)(gifFrames([[4, 4]]), 'a.gif')).resolves.toMatchObject({
      width: 4,
    });
    const lying: ImageDecoder = () =>
      Promise.resolve({ width: 4, height: 4, data: new Uint8Array(3) });
    await expect(guardImageDecoder(lying)(gifFrames([[4, 4]]), 'a.gif')).rejects.toThrow(
      'a.gif: decoded to the wrong number of pixels',
    );
  });
});

/** A little-endian TIFF whose image directories are given as [width, height] (SHORT tags). */
function tiff(dirs: readonly (readonly [number, number])[], loop = false): Uint8Array {
  const dirBytes = 2 + 2 * 12 + 4;
  const b = new Uint8Array(8 + dirs.length * dirBytes);
  const v = new DataView(b.buffer);
  b.set([0x49, 0x49, 42, 0]);
  v.setUint32(4, 8, true);
  dirs.forEach(([w, h], i) => {
    const at = 8 + i * dirBytes;
    v.setUint16(at, 2, true);
    [
      [256, w],
      [257, h],
    ].forEach(([tag, value], k) => {
      const e = at + 2 + k * 12;
      v.setUint16(e, tag!, true);
      v.setUint16(e + 2, 3, true); // SHORT
      v.setUint32(e + 4, 1, true);
      v.setUint16(e + 8, value!, true);
    });
    const next = i + 1 < dirs.length ? at + dirBytes : loop ? 8 : 0;
    v.setUint32(at + 2 + 24, next, true);
  });
  return b;
}

describe('TIFF headers', () => {
  it('reads every image directory, and refuses one past the pixel limit before decoding', async () => {
    expect(readImageHeader(tiff([[3, 2]]))).toMatchObject({ format: 'tiff', width: 3, height: 2 });
    const bomb = tiff([
      [2, 2],
      [65535, 65535],
    ]);
    expect(readImageHeader(bomb).frames).toHaveLength(2);
    await expect(guardImageDecoder(mustNotRun)(bomb, 'bomb.tif')).rejects.toThrow(
      /bomb\.tif: frame 2 is 65535×65535 .*above the 64 MP limit/,
    );
  });

  it('refuses a chain of directories that loops, naming the byte', () => {
    expect(() => readImageHeader(tiff([[2, 2]], true))).toThrow(/loop back to byte 8/);
  });
});
