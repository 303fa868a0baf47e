import { describe, expect, it } from 'vitest';
import type { DecodedImage } from './imageOps';
import { buildImageDataset } from './imageDataset';
import { colorMaskToLabels, legendFromMasks, vocColormap, vocMaskToLabels } from './maskColors';

/** A 4×1 RGBA image of the given colours. */
function strip(colors: readonly number[]): DecodedImage {
  const data = new Uint8Array(colors.length * 4);
  colors.forEach((c, i) => data.set([c >> 16, (c >> 8) & 255, c & 255, 255], i * 4));
  return { width: colors.length, height: 1, data };
}

describe('mask colours', () => {
  it('knows the Pascal VOC palette', () => {
    const voc = vocColormap();
    expect(voc[0]).toBe(0x000000);
    expect(voc[1]).toBe(0x800000); // aeroplane
    expect(voc[15]).toBe(0xc08080); // person
    expect(voc[20]).toBe(0x004080); // tv/monitor
    expect(voc[255]).toBe(0xe0e0c0); // void
    expect(new Set(voc).size).toBe(256);
  });

  it('maps a VOC palette mask to its classes, the void border to background', () => {
    const r = vocMaskToLabels(strip([0x000000, 0xc08080, 0x004080, 0xe0e0c0]), 21);
    expect('labels' in r && [...r.labels]).toEqual([0, 15, 20, 0]);
    expect(vocMaskToLabels(strip([0xc08080]), 4)).toEqual({
      error: 'mask holds VOC class 15, not a class index below 4',
    });
    expect(vocMaskToLabels(strip([0x123456]), 21)).toEqual({
      error: 'colour #123456 at (0, 0) is not in the VOC palette',
    });
  });

  it('builds a legend of the colours found and maps RGB-coded masks through it', () => {
    const a = strip([0xff0000, 0x000000, 0x00ff00, 0xff0000]);
    const b = strip([0x000000, 0xff0000, 0xff0000, 0x0000ff]);
    const legend = legendFromMasks([a, b]);
    if ('error' in legend) throw new Error(legend.error);
    // Black first, then by frequency: red (4), then green and blue (1 each, by value).
    expect(legend.colors).toEqual([0x000000, 0xff0000, 0x0000ff, 0x00ff00]);
    expect(legend.names).toEqual(['class 0', 'class 1', 'class 2', 'class 3']);
    const labels = colorMaskToLabels(b, legend.colors);
    expect('labels' in labels && [...labels.labels]).toEqual([0, 1, 1, 2]);
    expect(colorMaskToLabels(strip([0xffffff]), legend.colors)).toEqual({
      error: 'colour #ffffff at (0, 0) is not in the legend',
    });
  });

  it('refuses masks with too many colours to be a colour code', () => {
    const noisy = strip(Array.from({ length: 80 }, (_, i) => i * 1000));
    expect(legendFromMasks([noisy])).toMatchObject({
      error: expect.stringContaining('more than 64 colours') as string,
    });
  });
});

describe('buildImageDataset with colour-coded masks', () => {
  const image = strip([0x101010, 0x202020, 0x303030, 0x404040]);
  const decoded: Record<string, DecodedImage> = {
    'images/a.png': image,
    'masks/a.png': strip([0x000000, 0x800000, 0x008000, 0xe0e0c0]),
  };
  // Each file is a PNG signature and IHDR (4×1, for the header guard) followed by its path,
  // which the stand-in decoder looks up.
  const ihdr = [
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
  ];
  const read = (path: string) =>
    Promise.resolve(
      Uint8Array.from([...ihdr, 0, 0, 0, 4, 0, 0, 0, 1, ...new TextEncoder().encode(path)]),
    );
  const decode = (bytes: Uint8Array) =>
    Promise.resolve(decoded[new TextDecoder().decode(bytes.subarray(24))]!);
  const pairs = [{ key: 'a', image: 'images/a.png', mask: 'masks/a.png' }];

  it('reads VOC palette masks as one-hot classes', async () => {
    const { data } = await buildImageDataset(pairs, read, decode, {
      size: [1, 4],
      channels: 1,
      classes: 3,
      maskCoding: 'voc',
    });
    // VOC 1 = #800000, 2 = #008000, void → 0.
    expect(Array.from(data!.y)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0]);
  });

  it('reads RGB-coded masks through a legend, and reports a colour outside it', async () => {
    const legend = { colors: [0x000000, 0x008000, 0x800000, 0xe0e0c0] };
    const { data } = await buildImageDataset(pairs, read, decode, {
      size: [1, 4],
      channels: 1,
      classes: 4,
      maskCoding: legend,
    });
    expect(Array.from(data!.y).join('')).toBe('1000' + '0010' + '0100' + '0001');
    const { data: none, report } = await buildImageDataset(pairs, read, decode, {
      size: [1, 4],
      classes: 2,
      maskCoding: { colors: [0x000000] },
    });
    expect(none).toBeNull();
    expect(report.skipped[0]?.reason).toBe('colour #800000 at (1, 0) is not in the legend');
  });
});
