/**
 * One-click training in the browser on WebGL (SwiftShader, no GPU): the small template trains on
 * synthetic data in the worker, the loss falls, the preview shows predicted masks, and stopping
 * mid-run keeps the design and the last saved weights (prediction still works).
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newContext, openPage } from './harness';
import { Canvas } from './pages/Canvas';
import { TrainingPanel } from './pages/TrainingPanel';
import { launchWebglBrowser } from './trainingBrowser';

/** A 32×32 PNG with a bright disc on a dark background, drawn by the page. */
async function discPng(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = c.height = 32;
    const g = c.getContext('2d')!;
    g.fillStyle = '#202020';
    g.fillRect(0, 0, 32, 32);
    g.fillStyle = '#f0f0f0';
    g.beginPath();
    g.arc(16, 16, 7, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/png');
  });
  return Buffer.from(url.split(',')[1]!, 'base64');
}

describe('training in the browser (webgl on SwiftShader)', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let panel: TrainingPanel;
  let canvas: Canvas;

  beforeAll(async () => {
    browser = await launchWebglBrowser();
    const context = await newContext(browser);
    ({ page, errors } = await openPage(context, `${inject('baseUrl')}?template=small`));
    panel = new TrainingPanel(page);
    canvas = new Canvas(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('trains the small template on webgl: the loss falls and the preview shows masks', async () => {
    // Chosen explicitly: the default (auto) measures the backends and picks wasm here.
    await panel.quickSettings(3, 'webgl');
    await panel.train();
    expect(await panel.backend()).toBe('webgl');
    const first = await panel.epochFigures(1);
    await panel.waitForPhase('finished');
    expect((await panel.status()).status).toBe('completed');
    const last = await panel.epochFigures(3);
    expect(last.loss).toBeLessThan(first.loss);
    const masks = await panel.predictedMasks();
    expect(masks.length).toBeGreaterThan(0);
    for (const m of masks) {
      expect(m.foreground).toBeGreaterThan(0);
      expect(m.background).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
  }, 420_000);

  it('stopping mid-run keeps the design and the last saved weights', async () => {
    const nodesBefore = (await canvas.nodeIds()).sort();
    const title = await page.getByTestId('design-title').textContent();
    await panel.quickSettings(30, 'webgl');
    await panel.train();
    await panel.waitForSavedEpoch(1);
    await panel.stop();
    await panel.waitForPhase('finished', 120_000);
    const { status } = await panel.status();
    expect(status).toBe('stopped');
    expect(await panel.epochFigures(1)).toMatchObject({ epoch: 1 });
    expect((await canvas.nodeIds()).sort()).toEqual(nodesBefore);
    expect(await page.getByTestId('design-title').textContent()).toBe(title);
    // 482,737 trainable + 1,408 BN statistics, float32.
    // Kept with the document: the runs list counts the stored weights' bytes.
    await expect
      .poll(() => page.getByTestId('runs-storage').getAttribute('data-bytes'))
      .toBe(String((482_737 + 1_408) * 4));
    const foreground = await panel.predict(await discPng(page));
    expect(foreground).toBeGreaterThanOrEqual(0);
    expect(await page.getByTestId('predict-result').locator('canvas').count()).toBe(1);
    expect(Number(await page.getByTestId('train-compare').getAttribute('data-runs'))).toBe(2);
    // The trained model leaves for PyTorch: code plus the converted weights, zipped.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('train-download-pytorch').click(),
    ]);
    const path = await download.path();
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    const names = Object.keys(files).map((n) => n.split('/').at(-1));
    expect(names.sort()).toEqual(['README.md', 'model.py', 'predict.py', 'train.py', 'weights.pt']);
    expect(errors).toEqual([]);
  }, 420_000);
});
