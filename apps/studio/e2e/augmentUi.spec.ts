/**
 * Augmentation and own images in the studio: a folder of image/mask pairs is loaded, flips and
 * elastic deformation are switched on, the live preview shows augmented samples whose masks stay
 * on their objects and change with each draw, the setting is part of the design (exported,
 * undoable, back after a reload), and a short wasm run trains with it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingPanel } from './pages/TrainingPanel';
import { openSession, type Session } from './session';

const PAIRS = 8;

/** PNG image/mask pairs drawn by the page: a bright disc on a dark ground, its mask white on black. */
async function drawPairs(page: Page): Promise<{ image: string; mask: string }[]> {
  return page.evaluate((n) => {
    const png = (draw: (g: CanvasRenderingContext2D) => void): string => {
      const c = document.createElement('canvas');
      c.width = c.height = 32;
      draw(c.getContext('2d')!);
      return c.toDataURL('image/png').split(',')[1]!;
    };
    return Array.from({ length: n }, (_, i) => {
      const disc = (g: CanvasRenderingContext2D, ground: string, fill: string) => {
        g.fillStyle = ground;
        g.fillRect(0, 0, 32, 32);
        g.fillStyle = fill;
        g.beginPath();
        g.arc(9 + (i % 4) * 3, 10 + (i % 3) * 4, 6, 0, Math.PI * 2);
        g.fill();
      };
      return {
        image: png((g) => disc(g, '#202020', '#e8e8e8')),
        mask: png((g) => disc(g, '#000000', '#ffffff')),
      };
    });
  }, PAIRS);
}

/**
 * For each preview row: the overlap (IoU) of the augmented image's bright pixels with the
 * augmented mask's foreground (0 for an empty or misplaced mask), and the mask's bytes.
 */
function previewRows(page: Page): Promise<{ iou: number; mask: string }[]> {
  return page
    .getByTestId('augment-preview')
    .locator('.augment-sample')
    .evaluateAll((rows) =>
      rows.map((row) => {
        const read = (role: string) => {
          const c = row.querySelector<HTMLCanvasElement>(`canvas[data-role="${role}"]`)!;
          return c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        };
        const image = read('image');
        const mask = read('mask');
        let both = 0;
        let either = 0;
        for (let p = 0; p < mask.length; p += 4) {
          const bright = image[p]! > 127;
          const foreground = mask[p]! > 127;
          if (bright && foreground) both++;
          if (bright || foreground) either++;
        }
        return { iou: either === 0 ? 0 : both / either, mask: Array.from(mask).join(',') };
      }),
    );
}

/** A 16-bit grey PNG of `values` (row-major, `width` wide), encoded here. */
function grey16Png(values: readonly number[], width: number): Buffer {
  const height = values.length / width;
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 16; // bits per sample; colour type 0 (grey), no interlacing
  const rows = Buffer.alloc(height * (1 + width * 2));
  values.forEach((v, p) => {
    const y = Math.floor(p / width);
    rows.writeUInt16BE(v, y * (1 + width * 2) + 1 + (p % width) * 2);
  });
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes `files` (path → bytes) under `root`. */
function writeTree(root: string, files: Record<string, Buffer>): void {
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), bytes);
  }
}

describe('augmentation and own images in the studio', () => {
  let s: Session;
  let panel: TrainingPanel;
  let dir: string;

  beforeAll(async () => {
    s = await openSession('?template=small');
    panel = new TrainingPanel(s.page);
    dir = mkdtempSync(join(tmpdir(), 'unet-augment-'));
    mkdirSync(join(dir, 'images'));
    mkdirSync(join(dir, 'masks'));
    (await drawPairs(s.page)).forEach((pair, i) => {
      writeFileSync(join(dir, 'images', `s${i}.png`), Buffer.from(pair.image, 'base64'));
      writeFileSync(join(dir, 'masks', `s${i}.png`), Buffer.from(pair.mask, 'base64'));
    });
  });

  afterAll(async () => {
    await s?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('previews augmented own images with aligned masks, a new draw each time', async () => {
    await panel.set('train-size-0', '32');
    await panel.set('train-size-1', '32');
    await panel.set('train-batch', '4');
    await panel.set('train-epochs', '2');
    await panel.set('train-lr', '0.003');
    await s.page.getByTestId('train-backend-choice').selectOption('wasm');
    await s.page.getByTestId('train-source-images').check();
    await s.page.getByTestId('train-files').setInputFiles(dir);
    await s.page.locator(`[data-testid="train-data-report"][data-used="${PAIRS}"]`).waitFor();

    const section = s.page.getByTestId('train-augment');
    await section.locator('summary').click();
    await s.page.getByTestId('augment-flip').check();
    await s.page.getByTestId('augment-elastic').check();
    expect(await s.page.getByTestId('augment-summary').textContent()).toBe('flip 0.5, elastic 10');

    const preview = s.page.locator(
      '[data-testid="augment-preview"][data-source="images"][data-draw="1"] .augment-sample',
    );
    await preview.first().waitFor({ timeout: 60_000 });
    const first = await previewRows(s.page);
    expect(first).toHaveLength(3);
    for (const row of first) expect(row.iou).toBeGreaterThan(0.8);

    await s.page.getByTestId('augment-new-draw').click();
    await s.page
      .locator('[data-testid="augment-preview"][data-draw="2"] .augment-sample')
      .first()
      .waitFor();
    const second = await previewRows(s.page);
    for (const row of second) expect(row.iou).toBeGreaterThan(0.8);
    expect(second.map((r) => r.mask)).not.toEqual(first.map((r) => r.mask));

    // Each switch is one undoable step of the design.
    await s.page.getByTestId('undo').click();
    await panel.open();
    expect(await s.page.getByTestId('augment-elastic').isChecked()).toBe(false);
    await s.page.getByTestId('redo').click();
    expect(await s.page.getByTestId('augment-elastic').isChecked()).toBe(true);
    expect(s.errors).toEqual([]);
  }, 180_000);

  it('trains on wasm with the augmentation on, reproducibly, and differently without it', async () => {
    const run = async (): Promise<number> => {
      await panel.train();
      expect(await panel.backend()).toBe('wasm');
      await panel.waitForPhase('finished', 240_000);
      expect((await panel.status()).status).toBe('completed');
      return (await panel.epochFigures(2)).loss;
    };
    const augmented = await run();
    expect(Number.isFinite(augmented)).toBe(true);
    await s.page.getByTestId('augment-flip').uncheck();
    await s.page.getByTestId('augment-elastic').uncheck();
    const plain = await run();
    await s.page.getByTestId('augment-flip').check();
    await s.page.getByTestId('augment-elastic').check();
    const again = await run();
    // Same seed, same augmentation: the same run; without it, another one.
    expect(again).toBeCloseTo(augmented, 4);
    expect(Math.abs(plain - augmented)).toBeGreaterThan(1e-3);
    expect(s.errors).toEqual([]);
  }, 600_000);

  it('keeps the setting in the design: exported, and back after a reload', async () => {
    await s.exportPanel.open();
    const design = JSON.parse(await s.exportPanel.text('design')) as {
      training: { augment: Record<string, { enabled: boolean; strength: number }> };
    };
    await s.exportPanel.close();
    expect(design.training.augment.flip).toEqual({ enabled: true, strength: 0.5 });
    expect(design.training.augment.elastic).toEqual({ enabled: true, strength: 10 });

    await s.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await s.page.reload();
    await s.page.locator('[data-testid="app"][data-ready="true"]').waitFor();
    await panel.open();
    expect(await s.page.getByTestId('augment-flip').isChecked()).toBe(true);
    expect(await s.page.getByTestId('augment-elastic').isChecked()).toBe(true);
    expect(s.errors).toEqual([]);
  }, 120_000);

  it('takes train/ and val/ folders as the split and lists the colours of RGB-coded masks', async () => {
    const pngs = await s.page.evaluate(() => {
      const png = (ground: string, fill: string, at: number): string => {
        const c = document.createElement('canvas');
        c.width = c.height = 32;
        const g = c.getContext('2d')!;
        g.fillStyle = ground;
        g.fillRect(0, 0, 32, 32);
        g.fillStyle = fill;
        g.fillRect(at, 8, 12, 12);
        return c.toDataURL('image/png').split(',')[1]!;
      };
      return [4, 8, 12, 16, 20].map((at) => ({
        image: png('#202020', '#e0e0e0', at),
        mask: png('#000000', '#ff0000', at),
      }));
    });
    const root = join(dir, 'split');
    const files: Record<string, Buffer> = {};
    pngs.forEach((p, i) => {
      const set = i < 3 ? 'train' : 'val';
      files[`${set}/images/r${i}.png`] = Buffer.from(p.image, 'base64');
      files[`${set}/masks/r${i}.png`] = Buffer.from(p.mask, 'base64');
    });
    writeTree(root, files);
    // The reload reset the run's settings to the design's.
    await panel.set('train-size-0', '32');
    await panel.set('train-size-1', '32');
    await panel.set('train-batch', '4');
    await s.page.getByTestId('train-backend-choice').selectOption('wasm');
    await s.page.getByTestId('train-source-images').check();
    await s.page.getByTestId('train-masks').selectOption('rgb');
    await s.page.getByTestId('train-files').setInputFiles(root);
    await s.page.locator('[data-testid="train-data-report"][data-used="5"]').waitFor();
    expect(await s.page.getByTestId('train-split').textContent()).toMatch(
      /3 for training, 2 for validation/,
    );
    const legend = s.page.getByTestId('train-legend');
    expect(
      await legend.locator('li').evaluateAll((li) => li.map((l) => l.getAttribute('data-color'))),
    ).toEqual(['#000000', '#ff0000']);
    await s.page.getByTestId('train-class-name-1').fill('car');
    expect(await s.page.getByTestId('train-class-name-1').inputValue()).toBe('car');
    await s.page.getByTestId('train-epochs').fill('1');
    await panel.train();
    await panel.waitForPhase('finished', 240_000);
    expect((await panel.status()).status).toBe('completed');
    expect(s.errors).toEqual([]);
  }, 300_000);

  it('reads 16-bit PNG masks of class indices (0/1) without losing them', async () => {
    const disc = (i: number, inside: number, outside: number) =>
      Array.from({ length: 32 * 32 }, (_, p) =>
        Math.hypot((p % 32) - 10 - 3 * i, Math.floor(p / 32) - 12) < 7 ? inside : outside,
      );
    const root = join(dir, 'deep');
    const files: Record<string, Buffer> = {};
    for (let i = 0; i < 4; i++) {
      files[`images/d${i}.png`] = grey16Png(disc(i, 60_000, 6_000), 32);
      files[`masks/d${i}.png`] = grey16Png(disc(i, 1, 0), 32);
    }
    writeTree(root, files);
    await s.page.getByTestId('train-masks').selectOption('values');
    // The loaded set is read again with the new coding first.
    await s.page.locator('[data-testid="train-data-report"][data-used="5"]').waitFor();
    await expect.poll(() => s.page.getByTestId('train-files').isEnabled()).toBe(true);
    await s.page.getByTestId('train-files').setInputFiles(root);
    await s.page.locator('[data-testid="train-data-report"][data-used="4"]').waitFor();
    const preview = s.page.getByTestId('augment-preview');
    const asked = Number(await preview.getAttribute('data-asked'));
    await s.page.getByTestId('augment-new-draw').click();
    await s.page
      .locator(`[data-testid="augment-preview"][data-draw="${asked + 1}"] .augment-sample`)
      .first()
      .waitFor();
    const rows = await previewRows(s.page);
    expect(rows).toHaveLength(3);
    // The browser's own decoder would scale 1 to 0: every mask would be empty (overlap 0).
    for (const row of rows) expect(row.iou).toBeGreaterThan(0.8);
    expect(s.errors).toEqual([]);
  }, 120_000);
});
