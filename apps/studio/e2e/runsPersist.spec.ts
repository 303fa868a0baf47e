/**
 * Runs persist with their document: the small template trains briefly on wasm; after a reload the
 * runs list, the curves and the preview are back, and Predict, Download and Continue training work
 * on the stored model without retraining. Duplicating the document carries its runs and weights.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Canvas } from './pages/Canvas';
import { Designs } from './pages/Designs';
import { Inspector } from './pages/Inspector';
import type { TrainingPanel } from './pages/TrainingPanel';
import { openTrainingPage } from './trainingBrowser';

/** A 48×40 PNG with a bright disc on a dark background, drawn by the page. */
async function discPng(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 48;
    c.height = 40;
    const g = c.getContext('2d')!;
    g.fillStyle = '#202020';
    g.fillRect(0, 0, 48, 40);
    g.fillStyle = '#f0f0f0';
    g.beginPath();
    g.arc(24, 20, 9, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/png');
  });
  return Buffer.from(url.split(',')[1]!, 'base64');
}

const ready = (page: Page) => page.locator('[data-testid="app"][data-ready="true"]').waitFor();

/** The runs listed: id, whether weights are kept, and the figures line. */
function listedRuns(page: Page) {
  return page
    .getByTestId('runs-list')
    .locator('li')
    .evaluateAll((items) =>
      items.map((li) => ({
        id: li.getAttribute('data-run-id') ?? '',
        weights: li.getAttribute('data-weights') ?? '',
        figures: li.querySelector('[data-testid="run-figures"]')?.textContent ?? '',
      })),
    );
}

describe('runs kept with the document', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let panel: TrainingPanel;

  beforeAll(async () => {
    ({ browser, page, errors, panel } = await openTrainingPage(
      `${inject('baseUrl')}?template=small`,
    ));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('brings a trained run back after a reload: curves, predict, download, continue; runs go with the document', async () => {
    await panel.quickSettings(2, 'wasm');
    await panel.train();
    expect(await panel.backend()).toBe('wasm');
    await panel.waitForPhase('finished');
    await expect
      .poll(() => listedRuns(page), { timeout: 30_000 })
      .toMatchObject([{ weights: 'kept' }]);
    const [trained] = await listedRuns(page);
    const stored = Number(await page.getByTestId('runs-storage').getAttribute('data-bytes'));
    // 482,737 trainable + 1,408 BN statistics, float32.
    expect(stored).toBe((482_737 + 1_408) * 4);

    await page.reload();
    await ready(page);
    await panel.open();
    await expect.poll(() => listedRuns(page), { timeout: 30_000 }).toEqual([trained]);
    await panel.waitForPhase('finished', 60_000);
    const restored = await panel.epochFigures(2);
    expect(await page.locator('.train-charts canvas').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('train-preview').locator('canvas').count()).toBeGreaterThan(0);
    await page
      .locator('[data-testid="run-shown"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-shown').getAttribute('data-fits')).toBe('true');

    const foreground = await panel.predict(await discPng(page));
    expect(foreground).toBeGreaterThanOrEqual(0);
    expect(foreground).toBeLessThanOrEqual(1);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId('train-download').click();
    await expect
      .poll(() => downloads.sort())
      .toEqual(['Small-U-Net.json', 'Small-U-Net.weights.bin']);
    await page.getByTestId('train-download-pytorch').click();
    await expect.poll(() => downloads.filter((n) => n.endsWith('.zip'))).toHaveLength(1);

    // Continue: a new run of 2 more epochs on wasm from the stored weights, with the run's own
    // size and data (the settings typed before the reload are not kept); its record stays.
    await panel.set('train-epochs', '2');
    await page.getByTestId('train-backend-choice').selectOption('wasm');
    await expect
      .poll(() => page.getByTestId('train-continue').textContent())
      .toBe('Continue training (+2 epochs)');
    await page.getByTestId('train-continue').click();
    // It resumes: its first epoch already does better than the stored run's last.
    const resumed = await panel.epochFigures(1);
    expect(resumed.loss).toBeLessThan(restored.loss);
    await expect.poll(async () => (await listedRuns(page)).length, { timeout: 300_000 }).toBe(2);
    await panel.waitForPhase('finished');
    // The run is recorded at once; its weights are stored, and the older run's dropped, just after.
    await expect
      .poll(() => listedRuns(page), { timeout: 30_000 })
      .toMatchObject([{ weights: 'kept' }, { id: trained?.id, weights: 'none' }]);
    const runs = await listedRuns(page);
    expect(runs[0]?.figures).toMatch(/^2 ep · loss /);

    // A copy of the document has the runs and the latest weights.
    const designs = new Designs(page);
    await designs.saved();
    const title = (await designs.title()) ?? '';
    await designs.duplicate(title);
    await designs.openDesign(`${title} (copy)`);
    await expect.poll(() => designs.title()).toBe(`${title} (copy)`);
    await panel.open();
    await expect
      .poll(async () => (await listedRuns(page)).map((r) => [r.id, r.weights]), {
        timeout: 30_000,
      })
      .toEqual(runs.map((r) => [r.id, r.weights]));
    await page
      .locator('[data-testid="run-shown"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });

    // Edited, the design no longer fits the weights: predict still works, continue does not.
    const canvas = new Canvas(page);
    const inspector = new Inspector(page);
    await designs.close();
    await page.getByTestId('tab-inspect').click();
    for (const id of await canvas.nodeIds()) {
      await canvas.select(id);
      if ((await inspector.field('filters').count()) > 0) break;
    }
    await inspector.set('filters', '12');
    await page.keyboard.press('Escape');
    await panel.open();
    await page.getByTestId('run-stale').waitFor();
    expect(await page.getByTestId('train-continue').isDisabled()).toBe(true);
    expect(await panel.predict(await discPng(page))).toBeGreaterThanOrEqual(0);
    await page.getByTestId('undo').click();
    await page.locator('[data-testid="run-shown"][data-fits="true"]').waitFor();
    expect(await page.getByTestId('train-continue').isDisabled()).toBe(false);

    // Runs are renamed, pinned, and deleted with undo.
    const latest = page.getByTestId('runs-list').locator('li').first();
    await latest.getByTestId('run-name').click();
    await page.getByTestId('run-rename-input').fill('Resumed');
    await page.getByTestId('run-rename-input').press('Enter');
    await expect.poll(() => latest.getByTestId('run-name').textContent()).toBe('Resumed');
    await latest.getByTestId('run-pin').click();
    await expect.poll(() => latest.getAttribute('data-pinned')).toBe('true');
    await page.getByTestId('runs-list').locator('li').nth(1).getByTestId('run-delete').click();
    await expect.poll(async () => (await listedRuns(page)).length).toBe(1);
    await page.getByTestId('run-undo-delete').click();
    await expect.poll(async () => (await listedRuns(page)).length).toBe(2);

    // Deleted and brought back, the document has its runs and weights again.
    await designs.saved();
    await designs.remove(`${title} (copy)`);
    await expect.poll(() => designs.title()).toBe(title);
    await page.getByTestId('undo-delete').click();
    await designs.openDesign(`${title} (copy)`);
    await designs.close();
    await panel.open();
    await expect
      .poll(async () => (await listedRuns(page)).map((r) => r.weights), { timeout: 30_000 })
      .toEqual(['kept', 'none']);
    expect(await latest.getByTestId('run-name').textContent()).toBe('Resumed');
    expect(errors).toEqual([]);
  }, 600_000);
});
