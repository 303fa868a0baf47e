/**
 * The backend chosen by measurement, in headless Chromium without a GPU (WebGL renders in
 * software through SwiftShader): with default settings, Train measures wasm and WebGL on a few
 * steps of the model, shows the figures, and trains on wasm, the faster here. A second Train of
 * the same model uses the remembered measurement; a backend the user picks stays picked after a
 * reload until they go back to Auto.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { TrainingPanel } from './pages/TrainingPanel';
import { openTrainingPage } from './trainingBrowser';

describe('the backend chosen by measurement', () => {
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

  it('measures wasm and software WebGL, shows both figures and trains on wasm', async () => {
    await panel.open();
    const choice = page.getByTestId('train-backend-choice');
    expect(await choice.inputValue()).toBe('auto');
    expect(await choice.locator('option:checked').textContent()).toBe('Auto (measure)');
    await panel.quickSettings(2);
    await panel.train();
    expect(await panel.backend()).toBe('wasm');
    const probe = page.getByTestId('train-probe');
    const text = (await probe.textContent()) ?? '';
    expect(text).toMatch(/wasm, \d+ threads?: [\d.]+ s\/step/);
    // Timed, or given up after a warm-up over the cap (SwiftShader is that slow on a busy machine).
    expect(text).toMatch(/webgl \(software\): ([\d.]+ s\/step|warm-up \d+ s, over the \d+ s cap)/);
    expect(text).toContain('chose wasm');
    expect(await probe.getAttribute('data-cached')).toBe('false');
    await panel.waitForPhase('finished');
    expect((await panel.status()).status).toBe('completed');
    // The estimate of the next run now uses the measured step time.
    expect(await page.getByTestId('train-estimate').getAttribute('data-basis')).toBe('measured');
    expect(errors).toEqual([]);
  }, 300_000);

  it('trains the same model again on the remembered choice without measuring again', async () => {
    await panel.train();
    expect(await panel.backend()).toBe('wasm');
    expect(await page.getByTestId('train-probe').getAttribute('data-cached')).toBe('true');
    await panel.waitForPhase('finished');
    expect(errors).toEqual([]);
  }, 120_000);

  it('keeps a backend the user picks after a reload, until they go back to Auto', async () => {
    await panel.open();
    await page.getByTestId('train-backend-choice').selectOption('cpu');
    await page.reload();
    await panel.open();
    expect(await page.getByTestId('train-backend-choice').inputValue()).toBe('cpu');
    await page.getByTestId('train-backend-choice').selectOption('auto');
    await page.reload();
    await panel.open();
    expect(await page.getByTestId('train-backend-choice').inputValue()).toBe('auto');
  }, 60_000);
});
