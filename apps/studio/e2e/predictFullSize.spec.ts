/**
 * Prediction at full size in the studio: after one quick epoch of the small template on wasm, a
 * 1000×700 image is predicted in tiles to a 1000×700 overlay that zooms and pans, re-thresholds
 * without another run, and downloads as a 1000×700 PNG mask.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { discsPng } from './discsPng';
import type { TrainingPanel } from './pages/TrainingPanel';
import { openTrainingPage } from './trainingBrowser';

/** The displayed width of the output canvas in CSS pixels. */
async function shownWidth(page: Page): Promise<number> {
  return page.getByTestId('predict-output').evaluate((c) => c.getBoundingClientRect().width);
}

describe('prediction at full size in the studio', () => {
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

  it('predicts a 1000×700 image to a 1000×700 overlay with zoom, and a 1000×700 mask', async () => {
    await panel.quickSettings(1, 'wasm');
    await panel.set('train-samples', '8');
    await panel.train();
    await panel.waitForPhase('finished');
    expect((await panel.status()).status).toBe('completed');

    // The model takes 32×32 inputs: tiles of 32×32 side by side (no overlap) cover the image.
    await page.getByTestId('predict-overlap').fill('0');
    await page
      .getByTestId('predict-input')
      .setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: await discsPng(page) });
    const result = page.getByTestId('predict-result');
    await result.waitFor({ timeout: 180_000 });
    const output = page.getByTestId('predict-output');
    expect(await output.getAttribute('width')).toBe('1000');
    expect(await output.getAttribute('height')).toBe('700');
    expect(await page.getByTestId('predict-tiling').textContent()).toContain(
      '1000×700 px, 32×22 tiles of 32×32, overlap 0',
    );

    // Fitted into the viewport at first; + zooms in by a quarter, 100 % shows one pixel per pixel.
    const fitted = await shownWidth(page);
    expect(fitted).toBeLessThan(1000);
    await page.getByTestId('predict-zoom-in').click();
    expect(await shownWidth(page)).toBeCloseTo(fitted * 1.25, 0);
    await page.getByTestId('predict-zoom-100').click();
    expect(await shownWidth(page)).toBeCloseTo(1000, 0);
    expect(await page.getByTestId('predict-zoom').textContent()).toBe('100 %');
    // The wheel zooms out about the pointer.
    const box = (await page.getByTestId('predict-viewport').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 300);
    await expect.poll(() => shownWidth(page)).toBeLessThan(1000);

    // A new threshold re-thresholds the kept probabilities: the result follows the slider.
    await page.getByTestId('predict-threshold').fill('0.3');
    await page.locator('[data-testid="predict-result"][data-threshold="0.3"]').waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('predict-download-mask').click(),
    ]);
    expect(download.suggestedFilename()).toBe('big-mask.png');
    const png = readFileSync(await download.path()).toString('base64');
    const mask = await page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = c.getContext('2d')!;
      g.drawImage(bitmap, 0, 0);
      const { data } = g.getImageData(0, 0, bitmap.width, bitmap.height);
      const values = new Set<number>();
      for (let i = 0; i < data.length; i += 4) values.add(data[i]!);
      return { width: bitmap.width, height: bitmap.height, values: [...values].sort() };
    }, png);
    expect([mask.width, mask.height]).toEqual([1000, 700]);
    expect(mask.values.every((v) => v === 0 || v === 255)).toBe(true);
    expect(errors).toEqual([]);
  }, 420_000);

  it('resizes instead when asked, and takes an image dropped on the predict area', async () => {
    await page.getByTestId('predict-mode').selectOption('resize');
    expect(await panel.predict(await discsPng(page, 300, 200), 'small.png')).toBeGreaterThanOrEqual(
      0,
    );
    const output = page.getByTestId('predict-output');
    expect([await output.getAttribute('width'), await output.getAttribute('height')]).toEqual([
      '300',
      '200',
    ]);
    expect(await page.getByTestId('predict-tiling').textContent()).toContain(
      'small.png: 300×200 px, resized to 32×32 and back',
    );
    // Dropping an image file on the predict area predicts it, as the file input does.
    const base64 = (await discsPng(page, 640, 480)).toString('base64');
    const dataTransfer = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
      return dt;
    }, base64);
    await page.getByTestId('train-predict').dispatchEvent('drop', { dataTransfer });
    await page.locator('[data-testid="predict-tiling"]:has-text("dropped.png")').waitFor();
    expect(await output.getAttribute('width')).toBe('640');
    expect(await output.getAttribute('height')).toBe('480');
    expect(errors).toEqual([]);
  }, 120_000);

  it('refuses, saying why, a file that is no image and an image above the pixel limit', async () => {
    const notice = () => page.getByTestId('train-notice').textContent();
    await page
      .getByTestId('predict-file')
      .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('hello') });
    await expect
      .poll(notice)
      .toContain('notes.png cannot be predicted: notes.png: not a PNG, JPEG, GIF or TIFF file');
    // A PNG whose header says 5000×4000 (19 MP): refused from the header, before decoding.
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(5000, 16);
    header.writeUInt32BE(4000, 20);
    header.set([8, 6, 0, 0, 0], 24);
    await page
      .getByTestId('predict-input')
      .setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: header });
    await expect
      .poll(notice)
      .toContain(
        'huge.png is 5000×4000 (19 MP), above the 16 MP limit for prediction in the studio',
      );
    // The last prediction stays shown.
    expect(await page.getByTestId('predict-output').getAttribute('width')).toBe('640');
  }, 120_000);

  it('shows the progress of a long prediction and stops it on Cancel', async () => {
    await page.getByTestId('predict-mode').selectOption('auto');
    await page.getByTestId('predict-overlap').fill('');
    // Half-tile overlap (the default for same padding): 62×43 tiles of 32×32.
    await page
      .getByTestId('predict-input')
      .setInputFiles({ name: 'long.png', mimeType: 'image/png', buffer: await discsPng(page) });
    const status = page.getByTestId('predict-status');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toMatch(/of 2666 tiles/);
    await page.getByTestId('predict-cancel').click();
    await page.locator('[data-testid="predict-status"][data-phase="cancelled"]').waitFor();
    expect(await status.textContent()).toBe('Prediction of long.png cancelled.');
    expect(errors).toEqual([]);
  }, 120_000);
});
