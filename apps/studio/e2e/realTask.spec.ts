/**
 * A real segmentation task end to end, as a new user on a machine without a GPU meets it: the
 * small template with its default settings, the user's own images with augmentation on (preview
 * shown), Train measures the backends and picks wasm, 10 epochs finish; after a reload the run's
 * curves are back, a 1000×700 photo is predicted to a 1000×700 overlay and the model downloads.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { discPairsFolder } from './discPairs';
import { discsPng } from './discsPng';
import type { TrainingPanel } from './pages/TrainingPanel';
import { openTrainingPage } from './trainingBrowser';

const PAIRS = 16;

const ready = (page: Page) => page.locator('[data-testid="app"][data-ready="true"]').waitFor();

describe('a real segmentation task in the studio', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let panel: TrainingPanel;
  let dir: string;

  beforeAll(async () => {
    ({ browser, page, errors, panel } = await openTrainingPage(
      `${inject('baseUrl')}?template=small`,
    ));
    dir = await discPairsFolder(page, PAIRS);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('trains on own images with augmentation on the measured backend, and predicts at full size after a reload', async () => {
    await panel.open();
    // Default settings: the backend is left to the measurement, epochs and batch as the design says.
    expect(await page.getByTestId('train-backend-choice').inputValue()).toBe('auto');
    expect(await page.getByTestId('train-epochs').inputValue()).toBe('10');
    await page.getByTestId('train-source-images').check();
    await page.getByTestId('train-files').setInputFiles(dir);
    await page.locator(`[data-testid="train-data-report"][data-used="${PAIRS}"]`).waitFor();

    const section = page.getByTestId('train-augment');
    await section.locator('summary').click();
    await page.getByTestId('augment-flip').check();
    await page.getByTestId('augment-rotate90').check();
    await page.getByTestId('augment-elastic').check();
    await page
      .locator('[data-testid="augment-preview"][data-source="images"] .augment-sample')
      .first()
      .waitFor({ timeout: 60_000 });
    expect(
      await page.getByTestId('augment-preview').locator('.augment-sample').count(),
    ).toBeGreaterThan(0);

    await panel.train();
    // The probe times real steps on each backend; without a GPU, wasm wins over software WebGL.
    expect(await panel.backend()).toBe('wasm');
    const probe = (await page.getByTestId('train-probe').textContent()) ?? '';
    expect(probe).toMatch(/wasm[^;]*: [\d.]+ s\/step/);
    expect(probe).toMatch(/webgl/);
    const first = await panel.epochFigures(1);
    await panel.waitForPhase('finished', 600_000);
    expect((await panel.status()).status).toBe('completed');
    const last = await panel.epochFigures(10);
    expect(last.loss).toBeLessThan(first.loss);

    // The run's record and weights are stored with the design before the reload, as the list and
    // the save status say.
    await page
      .getByTestId('runs-list')
      .locator('li[data-weights="kept"]')
      .waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await page.reload();
    await ready(page);
    await panel.open();
    await expect
      .poll(() => page.getByTestId('runs-list').locator('li').count(), { timeout: 30_000 })
      .toBe(1);
    await panel.waitForPhase('finished', 60_000);
    expect((await panel.epochFigures(10)).loss).toBeCloseTo(last.loss, 5);
    expect(await page.locator('.train-charts canvas').count()).toBeGreaterThan(0);
    await page
      .locator('[data-testid="run-shown"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });

    await page
      .getByTestId('predict-input')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: await discsPng(page) });
    await page.getByTestId('predict-result').waitFor({ timeout: 300_000 });
    const output = page.getByTestId('predict-output');
    expect(await output.getAttribute('width')).toBe('1000');
    expect(await output.getAttribute('height')).toBe('700');

    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId('train-download').click();
    await expect
      .poll(() => downloads.sort())
      .toEqual(['Small-U-Net.json', 'Small-U-Net.weights.bin']);
    expect(errors).toEqual([]);
  }, 900_000);
});
