import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGreyPng } from './encodePng';
import { loadSegmentationData } from './loadData';

let root: string;
const spec = { size: [4, 4], channels: 3, classes: 1 } as const;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'unet-load-'));
  await mkdir(join(root, 'set', 'images'), { recursive: true });
  await mkdir(join(root, 'set', 'masks'), { recursive: true });
  await mkdir(join(root, 'empty'));
  const img = encodeGreyPng(new Uint8Array(64).fill(90), 8, 8);
  await writeFile(join(root, 'set', 'images', 'a.png'), img);
  await writeFile(
    join(root, 'set', 'masks', 'a.png'),
    encodeGreyPng(new Uint8Array(64).fill(255), 8, 8),
  );
  await writeFile(join(root, 'set', 'images', 'b.png'), img);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('loadSegmentationData', () => {
  it('makes synthetic data for the model', async () => {
    const { data, lines } = await loadSegmentationData('synthetic', spec, { samples: 5 });
    expect(data.count).toBe(5);
    expect(lines).toEqual(['data: 5 synthetic images (shapes on noise), 4×4×3, binary']);
  });

  it('reads a folder relative to cwd and lists skipped files', async () => {
    const { data, lines } = await loadSegmentationData('set', spec, { cwd: root });
    expect(data.names).toEqual(['a']);
    expect(lines).toEqual([
      'data: 1 image/mask pairs from set, resized to 4×4, 1 file(s) skipped',
      'skipped images/b.png: image without a mask',
    ]);
  });

  it('says clearly when there is nothing to train on', async () => {
    await expect(loadSegmentationData('missing', spec, { cwd: root })).rejects.toThrow(
      'missing: no such folder',
    );
    await expect(loadSegmentationData('empty', spec, { cwd: root })).rejects.toThrow(
      'empty: no usable image/mask pair',
    );
    await expect(
      loadSegmentationData('set', { size: [16], channels: 1, classes: 1 }, { cwd: root }),
    ).rejects.toThrow(/this model is 1D/);
  });
});
