import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../node/decodeImage';
import { encodeGreyPng } from '../node/encodePng';
import { decodeImageInBrowser, readImageFiles, type FileLike } from './browserImages';

function file(path: string, bytes: Uint8Array): FileLike {
  return {
    name: path.split('/').pop()!,
    webkitRelativePath: path,
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
  };
}

describe('readImageFiles', () => {
  it('pairs picked files by their relative paths and reports the rest', async () => {
    const img = encodeGreyPng(new Uint8Array(16).fill(200), 4, 4);
    const mask = encodeGreyPng(
      Uint8Array.from({ length: 16 }, (_, i) => (i < 8 ? 255 : 0)),
      4,
      4,
    );
    const files = [
      file('set/images/a.png', img),
      file('set/masks/a.png', mask),
      file('set/images/b.png', img),
    ];
    // The decoder is injectable; Node's stands in for the browser's here.
    const { data, report } = await readImageFiles(
      files,
      { size: [2, 2], channels: 1 },
      decodeImageNode,
    );
    expect(data?.names).toEqual(['a']);
    expect(Array.from(data!.y)).toEqual([1, 1, 0, 0]);
    expect(report.skipped).toEqual([{ file: 'set/images/b.png', reason: 'image without a mask' }]);
  });
});

describe('decodeImageInBrowser', () => {
  it('says what is missing outside a browser', async () => {
    const png = encodeGreyPng(new Uint8Array(4), 2, 2);
    await expect(decodeImageInBrowser(png, 'a.png')).rejects.toThrow(
      /no createImageBitmap\/OffscreenCanvas/,
    );
  });

  it('refuses bytes that are no known image, and oversized frames, before the browser decodes', async () => {
    await expect(decodeImageInBrowser(new Uint8Array([1]), 'a.png')).rejects.toThrow(
      'a.png: not a PNG, JPEG, GIF or TIFF file',
    );
    const huge = encodeGreyPng(new Uint8Array(4), 2, 2);
    huge.set([0, 0, 0x40, 0, 0, 0, 0x40, 0], 16); // IHDR: 16384×16384
    await expect(decodeImageInBrowser(huge, 'huge.png')).rejects.toThrow(
      'huge.png: image is 16384×16384 (256 MP), above the 64 MP limit',
    );
  });
});

describe('16-bit PNGs in the browser', () => {
  it('are decoded by the runtime, keeping class indices the browser would scale to black', async () => {
    const options = {
      bitDepth: 16,
      colorType: 0,
      inputColorType: 0,
      inputHasAlpha: false,
    } as const;
    const png = new PNG({ width: 3, height: 1, ...options });
    png.data = Buffer.from(new Uint16Array([0, 1, 2]).buffer);
    const bytes = new Uint8Array(PNG.sync.write(png, options));
    // No createImageBitmap here: the 16-bit path does not need one.
    const img = await decodeImageInBrowser(bytes, 'mask.png');
    expect([img.data[0], img.data[4], img.data[8]]).toEqual([0, 1, 2]);
  });
});
