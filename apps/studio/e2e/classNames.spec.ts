/**
 * Class names of RGB-coded masks in the studio: a name typed in the mask legend is part of the
 * design (exported with its colour, one undo step) and is still there after a reload, when the
 * same masks are picked again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingPanel } from './pages/TrainingPanel';
import { openSession, type Session } from './session';

describe('class names of the mask legend', () => {
  let s: Session;
  let panel: TrainingPanel;
  let root: string;

  beforeAll(async () => {
    s = await openSession('?template=small');
    panel = new TrainingPanel(s.page);
    root = mkdtempSync(join(tmpdir(), 'unet-classes-'));
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
      return [4, 10, 16].map((at) => ({
        image: png('#202020', '#e0e0e0', at),
        mask: png('#000000', '#ff0000', at),
      }));
    });
    pngs.forEach((p, i) => {
      for (const [sub, data] of [
        ['images', p.image],
        ['masks', p.mask],
      ] as const) {
        const path = join(root, sub, `r${i}.png`);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, Buffer.from(data, 'base64'));
      }
    });
  });

  afterAll(async () => {
    await s?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  async function pickRgbMasks(): Promise<void> {
    await panel.open();
    await panel.set('train-size-0', '32');
    await panel.set('train-size-1', '32');
    await s.page.getByTestId('train-source-images').check();
    await s.page.getByTestId('train-masks').selectOption('rgb');
    await s.page.getByTestId('train-files').setInputFiles(root);
    await s.page.locator('[data-testid="train-data-report"][data-used="3"]').waitFor();
    await s.page.getByTestId('train-legend').waitFor();
  }

  it('keeps a renamed class in the design, exported and after a reload', async () => {
    await pickRgbMasks();
    await s.page.getByTestId('train-class-name-1').fill('car');
    expect(await s.page.getByTestId('train-class-name-1').inputValue()).toBe('car');

    await s.exportPanel.open();
    const design = JSON.parse(await s.exportPanel.text('design')) as {
      training: { classes?: { name: string; color?: string }[] };
    };
    await s.exportPanel.close();
    expect(design.training.classes).toEqual([
      { name: '', color: '#000000' },
      { name: 'car', color: '#ff0000' },
    ]);

    await s.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await s.page.reload();
    await s.page.locator('[data-testid="app"][data-ready="true"]').waitFor();
    await pickRgbMasks();
    expect(await s.page.getByTestId('train-class-name-1').inputValue()).toBe('car');
    expect(await s.page.getByTestId('train-class-name-0').inputValue()).toBe('');
    expect(s.errors).toEqual([]);
  }, 180_000);
});
