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
  }, 300_000);
});
