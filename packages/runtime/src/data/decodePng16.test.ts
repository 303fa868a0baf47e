import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../node/decodeImage';
import { decodePng16, isPng16 } from './decodePng16';

/** A 16-bit PNG (pngjs) of `values`, `channels` per pixel (1 grey, 4 RGBA). */
function png16(values: readonly number[], width: number, channels: 1 | 4): Uint8Array {
  const colorType = channels === 1 ? 0 : 6;
  const options = {
    bitDepth: 16,
    colorType,
    inputColorType: colorType,
    inputHasAlpha: channels === 4,
  } as const;
  const height = values.length / channels / width;
  const png = new PNG({ width, height, ...options });
  const be = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => be.writeUInt16LE(v, i * 2));
  png.data = be;
  return new Uint8Array(PNG.sync.write(png, options));
}

describe('decodePng16', () => {
  it('keeps 16-bit class indices below 256, as the Node decoder does', async () => {
    const bytes = png16([0, 1, 2, 7, 3, 0], 3, 1);
    expect(isPng16(bytes)).toBe(true);
    const img = decodePng16(bytes);
    expect([img.width, img.height]).toEqual([3, 2]);
    expect(Array.from(img.data.filter((_, i) => i % 4 === 0))).toEqual([0, 1, 2, 7, 3, 0]);
    expect(Array.from(img.data)).toEqual(Array.from((await decodeImageNode(bytes)).data));
  });

  it('scales 16-bit intensities and alpha to 8 bits, as the Node decoder does', async () => {
    const values = [65535, 0, 32896, 65535, 1000, 2000, 3000, 0, 0, 65535, 0, 32768];
    const bytes = png16(values, 3, 4);
    const img = decodePng16(bytes);
    expect(Array.from(img.data.subarray(0, 4))).toEqual([255, 0, 128, 255]);
    expect(Array.from(img.data)).toEqual(Array.from((await decodeImageNode(bytes)).data));
  });

  it('refuses 8-bit and truncated PNGs with a message', () => {
    const bytes = png16([0, 1, 2, 3], 2, 1);
    expect(() => decodePng16(bytes.subarray(0, 40))).toThrow(/truncated|corrupt/);
    const eight = new Uint8Array(bytes);
    eight[24] = 8;
    expect(() => decodePng16(eight)).toThrow(/not a 16-bit PNG/);
  });

  it('refuses image data that inflates past what the header declares, quickly and without holding it', () => {
    // A 4×4 grey 16-bit header over an IDAT of 64 MiB of zeros (about 64 KiB compressed).
    const chunk = (type: string, data: Buffer): Buffer => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
      const out = Buffer.alloc(12 + data.length);
      out.writeUInt32BE(data.length, 0);
      body.copy(out, 4);
      out.writeUInt32BE(crc32(body), 8 + data.length);
      return out;
    };
    const header = Buffer.alloc(13);
    header.writeUInt32BE(4, 0);
    header.writeUInt32BE(4, 4);
    header[8] = 16;
    const bomb = Buffer.concat([
      Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]);
    expect(() => decodePng16(new Uint8Array(bomb))).toThrow(
      /inflates to more than the 36 bytes its header declares/,
    );
  });
});
