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
    await expect(decodeImageInBrowser(new Uint8Array([1]), 'a.png')).rejects.toThrow(
      /no createImageBitmap\/OffscreenCanvas/,
    );
  });
});
