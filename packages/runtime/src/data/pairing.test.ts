import { describe, expect, it } from 'vitest';
import { classifyImagePath, pairImageFiles } from './pairing';

describe('pairImageFiles', () => {
  it('pairs Carvana-style names across folders', () => {
    const { pairs, skipped } = pairImageFiles([
      'train_masks/0cdf5b5d0ce1_02_mask.gif',
      'train/0cdf5b5d0ce1_01.jpg',
      'train/0cdf5b5d0ce1_02.jpg',
      'train_masks/0cdf5b5d0ce1_01_mask.gif',
    ]);
    expect(pairs).toEqual([
      {
        key: '0cdf5b5d0ce1_01',
        image: 'train/0cdf5b5d0ce1_01.jpg',
        mask: 'train_masks/0cdf5b5d0ce1_01_mask.gif',
      },
      {
        key: '0cdf5b5d0ce1_02',
        image: 'train/0cdf5b5d0ce1_02.jpg',
        mask: 'train_masks/0cdf5b5d0ce1_02_mask.gif',
      },
    ]);
    expect(skipped).toEqual([]);
  });

  it('pairs images/ and masks/ folders by stem, whatever the extensions', () => {
    const { pairs } = pairImageFiles([
      'data/images/cell1.png',
      'data/masks/cell1.png',
      'data/images/cell2.jpg',
      'data/Masks/cell2.gif',
    ]);
    expect(pairs.map((p) => [p.image, p.mask])).toEqual([
      ['data/images/cell1.png', 'data/masks/cell1.png'],
      ['data/images/cell2.jpg', 'data/Masks/cell2.gif'],
    ]);
  });

  it('reports unpaired, ambiguous and unsupported files', () => {
    const { pairs, skipped } = pairImageFiles([
      'images/a.png',
      'images/b.png',
      'masks/c.png',
      'notes.txt',
      'images/d.tif',
      'x/e.png',
      'y/e.jpg',
      'masks/e.png',
    ]);
    expect(pairs).toEqual([]);
    expect(skipped).toEqual(
      expect.arrayContaining([
        { file: 'images/a.png', reason: 'image without a mask' },
        { file: 'masks/c.png', reason: 'mask without an image' },
        { file: 'notes.txt', reason: 'unsupported format .txt (use PNG, JPEG, GIF or TIFF)' },
        { file: 'images/d.tif', reason: 'image without a mask' },
        { file: 'x/e.png', reason: 'ambiguous: 2 image(s) and 1 mask(s) share the name "e"' },
      ]),
    );
    expect(skipped).toHaveLength(8);
  });
});

describe('classifyImagePath', () => {
  it('knows masks by suffix or folder', () => {
    expect(classifyImagePath('a/b_mask.png')).toEqual({ role: 'mask', key: 'b' });
    expect(classifyImagePath('labels/b.png')).toEqual({ role: 'mask', key: 'b' });
    expect(classifyImagePath('b.JPG')).toEqual({ role: 'image', key: 'b' });
    expect(classifyImagePath('README')).toEqual({
      role: 'unsupported',
      reason: 'no file extension',
    });
  });
});
