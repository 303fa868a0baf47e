/**
 * Nothing is lost to a quick reload: an edit made just before the page is reloaded, and the record
 * of a training run that just finished, are there after the reload (the design not yet written to
 * the library is journaled when the page is left, and restored when it opens again).
 */
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { newContext, openPage } from './harness';
import { Designs } from './pages/Designs';
import { TrainingPanel } from './pages/TrainingPanel';
import { openSession, type Session } from './session';
import { launchWebglBrowser } from './trainingBrowser';

const ready = (page: Page) => page.locator('[data-testid="app"][data-ready="true"]').waitFor();

describe('a quick reload', () => {
  let s: Session | null = null;
  let browser: Browser | null = null;
  afterEach(async () => {
    await s?.close();
    await browser?.close();
    s = null;
    browser = null;
  });

  it('keeps a rename made just before it', async () => {
    s = await openSession();
    const designs = new Designs(s.page);
    const [first] = await designs.names();
    await designs.saved();
    await designs.rename(first ?? '', 'Renamed right before the reload');
    // No wait for the save: the reload comes at once.
    await s.page.reload();
    await ready(s.page);
    await expect.poll(() => designs.title()).toBe('Renamed right before the reload');
    // The library lists it under its new name: it is stored, not only shown.
    await expect.poll(() => designs.names()).toEqual(['Renamed right before the reload']);
    // Stored for good: a second reload opens it from the library.
    await s.page.reload();
    await ready(s.page);
    expect(await designs.title()).toBe('Renamed right before the reload');
    expect(s.errors).toEqual([]);
  });

  it('keeps the record of a run that has just finished', async () => {
    browser = await launchWebglBrowser();
    const context = await newContext(browser);
    const { page, errors } = await openPage(context, `${inject('baseUrl')}?template=tiny`);
    const panel = new TrainingPanel(page);
    await panel.quickSettings(1, 'wasm');
    await panel.train();
    await panel.waitForPhase('finished');
    await page.reload();
    await ready(page);
    await panel.open();
    await expect
      .poll(() => page.getByTestId('runs-list').locator('li').count(), { timeout: 30_000 })
      .toBe(1);
    expect(errors).toEqual([]);
  });
});
