/**
 * Training on WebGPU in the browser: with WebGPU turned on (`--enable-unsafe-webgpu`; headless
 * Chromium then offers SwiftShader's software adapter, no GPU needed) the chosen webgpu backend
 * trains the tiny template through tfjs's webgpu backend; without it the browser gives no
 * adapter and the run starts on the next backend, saying why.
 */
import type { Browser } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newContext, openPage } from './harness';
import { TrainingPanel } from './pages/TrainingPanel';
import { launchWebglBrowser, launchWebgpuBrowser } from './trainingBrowser';

/**
 * Chooses webgpu and trains one epoch of 12 samples (a few steps, then the validation); with
 * `stopAtStart`, stops as soon as a backend runs. What the panel showed and the page errors.
 */
async function trainChoosingWebgpu(browser: Browser, stopAtStart = false) {
  const context = await newContext(browser);
  try {
    const { page, errors } = await openPage(context, `${inject('baseUrl')}?template=tiny`);
    const panel = new TrainingPanel(page);
    await panel.quickSettings(1, 'webgpu');
    await panel.set('train-samples', '12');
    await panel.train();
    const backend = await panel.backend();
    const summary = await panel.backendSummary();
    if (stopAtStart) await panel.stop();
    await panel.waitForPhase('finished');
    const { status } = await panel.status();
    const loss = stopAtStart ? null : (await panel.epochFigures(1)).loss;
    return { backend, summary, status, loss, errors };
  } finally {
    await context.close();
  }
}

describe('training in the browser on webgpu', () => {
  let browser: Browser | undefined;
  afterEach(async () => {
    await browser?.close();
  });

  it('trains on the WebGPU adapter the browser offers', async () => {
    browser = await launchWebgpuBrowser();
    const run = await trainChoosingWebgpu(browser);
    expect(run.backend).toBe('webgpu');
    expect(run.summary).toMatch(/^webgpu \(.*swiftshader/i);
    expect(run.status).toBe('completed');
    expect(run.loss).toBeGreaterThan(0);
    expect(Number.isFinite(run.loss)).toBe(true);
    expect(run.errors).toEqual([]);
  }, 300_000);

  it('starts the next backend and says why when the browser gives no WebGPU adapter', async () => {
    browser = await launchWebglBrowser();
    const run = await trainChoosingWebgpu(browser, true);
    expect(run.backend).toBe('webgl');
    expect(run.summary).toMatch(/^webgl \(fell back: WebGPU found no adapter/);
    expect(run.status).toBe('stopped');
    expect(run.errors).toEqual([]);
  }, 300_000);
});
