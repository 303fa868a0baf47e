import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { decodeImageNode } from '../node/decodeImage';
import { encodeGreyPng } from '../node/encodePng';
import type { FileLike } from './browserImages';
import { readImageSet } from './browserDataSet';

function file(path: string, bytes: Uint8Array): FileLike {
  return {
    name: path.split('/').pop()!,
    webkitRelativePath: path,
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
  };
}

/** A 2×2 RGB PNG of packed colours. */
function rgbPng(colors: readonly number[]): Uint8Array {
  const png = new PNG({ width: 2, height: 2 });
  colors.forEach((c, p) => png.data.set([c >> 16, (c >> 8) & 255, c & 255, 255], p * 4));
  return new Uint8Array(PNG.sync.write(png));
}

const image = encodeGreyPng(new Uint8Array(4).fill(90), 2, 2);
const half = encodeGreyPng(Uint8Array.from([255, 255, 0, 0]), 2, 2);

describe('readImageSet', () => {
  it('takes train/, val/ and test/ folders as the split and reports files outside them', async () => {
    const set = await readImageSet(
      [
        file('d/train/images/a.png', image),
        file('d/train/masks/a.png', half),
        file('d/train/images/b.png', image),
        file('d/train/masks/b.png', half),
        file('d/val/images/a.png', image),
        file('d/val/masks/a.png', half),
        file('d/test/images/c.png', image),
        file('d/test/masks/c.png', half),
        file('d/notes.png', image),
      ],
      { size: [2, 2], channels: 1 },
      decodeImageNode,
    );
    expect(set.split).toEqual({ train: 2, val: 1, test: 1 });
    expect(set.data?.names).toEqual(['a', 'b']);
    expect(set.validation?.count).toBe(1);
    expect(set.test?.count).toBe(1);
    expect(set.report.skipped).toEqual([
      { file: 'd/notes.png', reason: 'outside the train/, val/ and test/ folders' },
    ]);
  });

  it('reads Carvana-style train/ + train_masks/ as one set, not a split', async () => {
    const set = await readImageSet(
      [file('c/train/a_01.png', image), file('c/train_masks/a_01_mask.png', half)],
      { size: [2, 2], channels: 1 },
      decodeImageNode,
    );
    expect(set.split).toBeUndefined();
    expect(set.data?.count).toBe(1);
  });

  it('maps RGB colour codes to classes with one legend, black first', async () => {
    const red = 0xff0000;
    const green = 0x00ff00;
    const set = await readImageSet(
      [
        file('s/images/a.png', image),
        file('s/masks/a.png', rgbPng([0, red, red, green])),
        file('s/images/b.png', image),
        file('s/masks/b.png', rgbPng([red, red, 0, 0])),
      ],
      { size: [2, 2], channels: 1, classes: 3, masks: 'rgb' },
      decodeImageNode,
    );
    expect(set.colors).toEqual([0, red, green]);
    // One-hot targets of mask a: black, red, red, green → classes 0, 1, 1, 2.
    expect(Array.from(set.data!.y.subarray(0, 12))).toEqual([1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('keeps known colours (a design’s classes) in their order, found ones after', async () => {
    const [red, green, blue] = [0xff0000, 0x00ff00, 0x0000ff];
    const set = await readImageSet(
      [file('s/images/a.png', image), file('s/masks/a.png', rgbPng([0, red, red, green]))],
      { size: [2, 2], channels: 1, classes: 4, masks: 'rgb', colors: [blue, green, 0] },
      decodeImageNode,
    );
    expect(set.colors).toEqual([blue, green, 0, red]);
    // Black, red, red, green → classes 2, 3, 3, 1 of four.
    expect(Array.from(set.data!.y.subarray(0, 16))).toEqual([
      0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0,
    ]);
  });

  it('refuses masks with too many colours to be a colour code', async () => {
    const noisy = new PNG({ width: 9, height: 9 });
    for (let p = 0; p < 81; p++) noisy.data.set([p * 3, p, 7, 255], p * 4);
    await expect(
      readImageSet(
        [
          file('s/images/a.png', encodeGreyPng(new Uint8Array(81), 9, 9)),
          file('s/masks/a.png', new Uint8Array(PNG.sync.write(noisy))),
        ],
        { size: [2, 2], classes: 3, masks: 'rgb' },
        decodeImageNode,
      ),
    ).rejects.toThrow(/more than 64 colours/);
  });
});
