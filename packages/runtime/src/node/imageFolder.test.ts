import jpeg from 'jpeg-js';
import { GifWriter } from 'omggif';
import { mkdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGreyPng } from './encodePng';
import { listFiles, readImageFile, readImageFolder } from './imageFolder';

let root: string;

const grey = (w: number, h: number, f: (x: number, y: number) => number) =>
  Uint8Array.from({ length: w * h }, (_, i) => f(i % w, Math.floor(i / w)));

function gif(values: Uint8Array, w: number, h: number): Uint8Array {
  const buf = new Uint8Array(2048 + w * h * 2);
  const writer = new GifWriter(buf, w, h, {
    palette: Array.from({ length: 256 }, (_, i) => (i << 16) | (i << 8) | i),
  });
  writer.addFrame(0, 0, w, h, Array.from(values));
  return buf.slice(0, writer.end());
}

function jpg(w: number, h: number): Uint8Array {
  const rgba = new Uint8Array(w * h * 4).map((_, i) => (i % 4 === 3 ? 255 : 120));
  return new Uint8Array(jpeg.encode({ data: rgba, width: w, height: h }, 90).data);
}

async function put(path: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), bytes);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'unet-images-'));
  // a: 8×6 PNG, mask 0/255 with the left half foreground.
  await put(
    'set/images/a.png',
    encodeGreyPng(
      grey(8, 6, (x) => 30 * x),
      8,
      6,
    ),
  );
  await put(
    'set/masks/a.png',
    encodeGreyPng(
      grey(8, 6, (x) => (x < 4 ? 255 : 0)),
      8,
      6,
    ),
  );
  // b: JPEG image, GIF mask holding 0/1.
  await put('set/images/b.jpg', jpg(8, 6));
  await put(
    'set/masks/b.gif',
    gif(
      grey(8, 6, (_, y) => (y >= 3 ? 1 : 0)),
      8,
      6,
    ),
  );
  // Carvana-style pair.
  await put('set/train/car_01.jpg', jpg(8, 6));
  await put(
    'set/train_masks/car_01_mask.gif',
    gif(
      grey(8, 6, () => 255),
      8,
      6,
    ),
  );
  // Size mismatch, corrupt image, image without mask.
  await put(
    'set/images/c.png',
    encodeGreyPng(
      grey(8, 6, () => 9),
      8,
      6,
    ),
  );
  await put(
    'set/masks/c.png',
    encodeGreyPng(
      grey(4, 4, () => 0),
      4,
      4,
    ),
  );
  await put(
    'set/images/d.png',
    new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 8, 0, 0, 0,
      6, 9, 9,
    ]),
  );
  await put(
    'set/masks/d.png',
    encodeGreyPng(
      grey(8, 6, () => 0),
      8,
      6,
    ),
  );
  await put(
    'set/images/e.png',
    encodeGreyPng(
      grey(8, 6, () => 0),
      8,
      6,
    ),
  );
  await put(
    'set/.hidden/f.png',
    encodeGreyPng(
      grey(2, 2, () => 0),
      2,
      2,
    ),
  );
  // Multi-class masks: class indices 0…2, and one with an out-of-range value.
  await put(
    'multi/images/m1.png',
    encodeGreyPng(
      grey(4, 4, () => 50),
      4,
      4,
    ),
  );
  await put(
    'multi/masks/m1.png',
    encodeGreyPng(
      grey(4, 4, (x) => Math.min(2, x)),
      4,
      4,
    ),
  );
  await put(
    'multi/images/m2.png',
    encodeGreyPng(
      grey(4, 4, () => 50),
      4,
      4,
    ),
  );
  await put(
    'multi/masks/m2.png',
    encodeGreyPng(
      grey(4, 4, () => 5),
      4,
      4,
    ),
  );
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readImageFolder', () => {
  it('pairs, decodes and resizes what it can, and reports every other file with the reason', async () => {
    const { data, report } = await readImageFolder(join(root, 'set'), {
      size: [3, 4],
      channels: 3,
    });
    expect(data?.names).toEqual(['a', 'b', 'car_01']);
    expect(data?.inputShape).toEqual([3, 4, 3]);
    expect(report.used).toBe(3);
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons['masks/c.png']).toBe('mask is 4×4 but its image images/c.png is 8×6');
    expect(reasons['images/d.png']).toMatch(/^cannot be decoded: images\/d\.png: corrupt PNG data/);
    expect(reasons['images/e.png']).toBe('image without a mask');
    expect(report.skipped).toHaveLength(3);
    // a: left half foreground after resizing 8×6 → 4×3.
    expect(Array.from(data!.y.subarray(0, 12))).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
    // b: a 0/1 GIF mask, rows 3–5 of 6 foreground; nearest resize samples rows 1, 3, 5.
    expect(Array.from(data!.y.subarray(12, 24))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    // a's image: grey ramp 30·x scaled to [0, 1], bilinear, R = G = B.
    expect(data!.x[0]).toBeCloseTo(Math.round(0.5 * 0 + 0.5 * 30) / 255, 5);
    expect(data!.x[1]).toBe(data!.x[0]);
  });

  it('reads class-index masks as one-hot targets and rejects values above the classes', async () => {
    const { data, report } = await readImageFolder(join(root, 'multi'), {
      size: [4, 4],
      channels: 1,
      classes: 3,
    });
    expect(data?.names).toEqual(['m1']);
    expect(data?.targetShape).toEqual([4, 4, 3]);
    expect(Array.from(data!.y.subarray(0, 12))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1]);
    expect(report.skipped).toEqual([
      { file: 'masks/m2.png', reason: 'mask holds value 5, not a class index below 3' },
    ]);
  });

  it('lists files with forward slashes, skipping hidden folders', async () => {
    const files = await listFiles(join(root, 'set'));
    expect(files).toContain('train_masks/car_01_mask.gif');
    expect(files.some((f) => f.includes('.hidden'))).toBe(false);
    await expect(listFiles(join(root, 'set'), 2)).rejects.toThrow(/holds more than 2 files/);
  });
  it('refuses files above the size limit without reading them', async () => {
    // A sparse 300 MiB file: no disk space used, no bytes read.
    await put('big/huge.png', new Uint8Array(0));
    await truncate(join(root, 'big/huge.png'), 300 * 1024 * 1024);
    await expect(readImageFile(join(root, 'big/huge.png'))).rejects.toThrow(
      /300 MiB, above the 256 MiB limit/,
    );
  });
});
