import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeGreyPng } from './encodePng';
import { loadSegmentationData } from './loadData';

/** `count` 8×8 image/mask pairs under `dir/images` and `dir/masks`. */
function pairs(dir: string, count: number): void {
  for (const sub of ['images', 'masks']) mkdirSync(join(dir, sub), { recursive: true });
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(dir, 'images', `${i}.png`),
      encodeGreyPng(new Uint8Array(64).fill(i * 20), 8, 8),
    );
    writeFileSync(
      join(dir, 'masks', `${i}.png`),
      encodeGreyPng(
        new Uint8Array(64).map((_, p) => (p < 32 ? 255 : 0)),
        8,
        8,
      ),
    );
  }
}

const spec = { size: [8, 8], channels: 1, classes: 1 };

describe('split folders', () => {
  it('takes train/, val/ and test/ as the split', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'split-'));
    pairs(join(dir, 'train'), 5);
    pairs(join(dir, 'val'), 2);
    pairs(join(dir, 'test'), 3);
    const r = await loadSegmentationData(dir, spec);
    expect([r.data.count, r.validation?.count, r.test?.count]).toEqual([5, 2, 3]);
    expect(r.lines).toContain('split: val/ for validation');
  });

  it('reads a plain folder as one set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plain-'));
    pairs(dir, 4);
    const r = await loadSegmentationData(dir, spec);
    expect(r.data.count).toBe(4);
    expect(r.validation).toBeUndefined();
  });
});
