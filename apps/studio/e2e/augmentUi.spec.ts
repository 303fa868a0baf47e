/**
 * Augmentation and own images in the studio: a folder of image/mask pairs is loaded, flips and
 * elastic deformation are switched on, the live preview shows augmented samples whose masks stay
 * on their objects and change with each draw, the setting is part of the design (exported,
 * undoable, back after a reload), and a short wasm run trains with it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
