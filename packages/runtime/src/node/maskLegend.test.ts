import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { loadSegmentationData } from './loadData';

/** A 4×2 RGB PNG: one colour per column pair. */
function png(colors: readonly (readonly [number, number, number])[]): Buffer {
  const img = new PNG({ width: 4, height: 2 });
  for (let p = 0; p < 8; p++) img.data.set([...colors[Math.floor((p % 4) / 2)]!, 255], p * 4);
  return PNG.sync.write(img);
}

function folder(mask: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'mask-coding-'));
  for (const sub of ['images', 'masks']) mkdirSync(join(dir, sub));
  writeFileSync(
    join(dir, 'images', 'a.png'),
    png([
      [50, 50, 50],
      [200, 200, 200],
    ]),
  );
  writeFileSync(join(dir, 'masks', 'a.png'), mask);
  return dir;
}

const spec = { size: [2, 4], channels: 1, classes: 3 };

describe('loadSegmentationData with colour-coded masks', () => {
  it('maps RGB codes through the legend found, and prints it', async () => {
    const dir = folder(
      png([
        [0, 0, 0],
        [0, 255, 0],
      ]),
    );
    const { data, lines } = await loadSegmentationData(dir, spec, { masks: 'rgb' });
    expect(lines).toContain('legend: class 0 #000000, class 1 #00ff00');
    // One-hot of [0, 0, 1, 1] per row.
    expect(Array.from(data.y.subarray(0, 12)).join('')).toBe('100100010010');
  });

  it('maps Pascal VOC palette colours to their indices', async () => {
    const dir = folder(
      png([
        [0, 128, 0],
        [128, 0, 0],
      ]),
    ); // VOC 2 (bicycle), VOC 1 (aeroplane)
    const { data } = await loadSegmentationData(dir, spec, { masks: 'voc' });
    expect(Array.from(data.y.subarray(0, 12)).join('')).toBe('001001010010');
  });
});
