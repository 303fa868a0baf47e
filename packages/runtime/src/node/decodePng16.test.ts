import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from './decodeImage';

/** A one-row 16-bit grey PNG of `values`. */
function grey16(values: readonly number[]): Uint8Array {
  const options = { bitDepth: 16, colorType: 0, inputColorType: 0, inputHasAlpha: false } as const;
  const png = new PNG({ width: values.length, height: 1, ...options });
  png.data = Buffer.from(new Uint16Array(values).buffer);
  return new Uint8Array(PNG.sync.write(png, options));
}

describe('16-bit PNG', () => {
  it('keeps class indices below 256 as they are', async () => {
    const img = await decodeImageNode(grey16([0, 2, 7]), 'mask.png');
    expect([img.data[0], img.data[4], img.data[8], img.data[11]]).toEqual([0, 2, 7, 255]);
  });

  it('scales 16-bit intensities to 8 bits', async () => {
    const img = await decodeImageNode(grey16([0, 32896, 65535]), 'image.png');
    expect([img.data[0], img.data[4], img.data[8]]).toEqual([0, 128, 255]);
  });
});
