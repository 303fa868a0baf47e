/**
 * A lost WebGL context during browser training: the GPU process is crashed (DevTools' Browser.crashGpuProcess)
 * while the worker trains on webgl, so the worker's context is really lost. The run must stop
 * with a message instead of hanging, keep the weights of its last saved epoch, and offer to
 * continue on wasm, which then trains from those weights.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newContext, openPage } from './harness';
import { TrainingPanel } from './pages/TrainingPanel';
import { launchWebglBrowser } from './trainingBrowser';

/** A 35-byte GIF: a 1×1 screen whose frame declares 65535×65535 pixels. */
const GIF_BOMB = Uint8Array.from([
  ...[0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255],
  ...[0x2c, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 2, 2, 0x44, 0x01, 0, 0x3b],
]);

/** A 32×32 grey PNG drawn by the page. */
async function greyPng(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = c.height = 32;
    const g = c.getContext('2d')!;
    g.fillStyle = '#808080';
    g.fillRect(0, 0, 32, 32);
    return c.toDataURL('image/png');
  });
  return Buffer.from(url.split(',')[1]!, 'base64');
}

describe('training when the WebGL context is lost', () => {
  let browser: Browser;
  let page: Page;
  let panel: TrainingPanel;

  beforeAll(async () => {
    browser = await launchWebglBrowser();
    const context = await newContext(browser);
    ({ page } = await openPage(context, `${inject('baseUrl')}?template=tiny`));
    panel = new TrainingPanel(page);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('stops with a message, keeps the saved weights and continues on wasm', async () => {
    await panel.quickSettings(200, 'webgl');
    await panel.train();
    expect(await panel.backend()).toBe('webgl');
    await panel.waitForSavedEpoch(1);
    // Crash the GPU process: every WebGL context of the browser, the worker's included, is lost.
    const cdp = await browser.newBrowserCDPSession();
    await cdp.send('Browser.crashGpuProcess');
    await panel.waitForPhase('failed', 60_000);
    const { text } = await panel.status();
    expect(text).toContain('The WebGL context was lost');
    expect(text).toMatch(/The weights of epoch \d+ are kept: continue on wasm/);
    const continueOnWasm = page.getByTestId('train-on-wasm');
    await continueOnWasm.click();
    await panel.waitForPhase('training', 120_000);
    expect(await panel.backend()).toBe('wasm');
    await panel.waitForSavedEpoch(1, 120_000);
    await panel.stop();
    await panel.waitForPhase('finished', 120_000);
    expect((await panel.status()).status).toBe('stopped');
    // The continued model predicts; an image whose GIF frame is above the pixel limit is refused
    // from its header, before the browser decodes it.
    expect(await panel.predict(await greyPng(page))).toBeGreaterThanOrEqual(0);
    await page
      .getByTestId('predict-file')
      .setInputFiles({ name: 'bomb.gif', mimeType: 'image/gif', buffer: Buffer.from(GIF_BOMB) });
    await expect
      .poll(() => page.getByTestId('train-notice').textContent(), { timeout: 10_000 })
      .toContain('bomb.gif: frame is 65535×65535 (4096 MP), above the 64 MP limit');
  }, 300_000);

  it('never hangs when the context is lost while Auto measures the backends', async () => {
    const own = await launchWebglBrowser();
    try {
      const context = await newContext(own);
      const { page: probing } = await openPage(context, `${inject('baseUrl')}?template=tiny`);
      const auto = new TrainingPanel(probing);
      await auto.quickSettings(2);
      expect(await probing.getByTestId('train-backend-choice').inputValue()).toBe('auto');
      await auto.train();
      // wasm is measured first (a second or two), then WebGL, whose warm-up takes seconds on
      // SwiftShader: the crash lands inside the measurement of WebGL.
      await probing.waitForTimeout(4_000);
      const cdp = await own.newBrowserCDPSession();
      await cdp.send('Browser.crashGpuProcess');
      await auto.waitForPhase('finished', 180_000);
      expect(await auto.backend()).toBe('wasm');
      expect((await auto.status()).status).toBe('completed');
      const probeText = await probing.getByTestId('train-probe').textContent();
      // wasm has its figure; WebGL, lost on the way, none (failed, lost or not started).
      expect(probeText).toMatch(/wasm[^;]*: [\d.]+ s\/step/);
      expect(probeText).not.toMatch(/webgl[^;]*: [\d.]+ s\/step/);
    } finally {
      await own.close();
    }
  }, 300_000);
});
