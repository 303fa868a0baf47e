/**
 * One spec's browser session: Chromium, a fresh context (its own storage), the page objects, and
 * screenshots for the user guide.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, newContext, openPage } from './harness';
import { Canvas } from './pages/Canvas';
import { ExportPanel } from './pages/ExportPanel';
import { Inspector } from './pages/Inspector';
import { Palette } from './pages/Palette';
import { Problems } from './pages/Problems';

const SHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** An open app page with its page objects. */
export interface Session {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught page errors and console errors seen so far. */
  readonly errors: string[];
  readonly canvas: Canvas;
  readonly palette: Palette;
  readonly inspector: Inspector;
  readonly problems: Problems;
  readonly exportPanel: ExportPanel;
  /** The app's URL with `query` (e.g. `?template=small`). */
  url(query?: string): string;
  /** Saves a screenshot of the page as docs/screenshots/<name>.png. */
  shoot(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches Chromium and opens the app (optionally with a query). */
export async function openSession(query = ''): Promise<Session> {
  const base = inject('baseUrl');
  const browser = await launchBrowser();
  const context = await newContext(browser);
  const { page, errors } = await openPage(context, base + query);
  const canvas = new Canvas(page);
  return {
    browser,
    context,
    page,
    errors,
    canvas,
    palette: new Palette(page, canvas),
    inspector: new Inspector(page),
    problems: new Problems(page),
    exportPanel: new ExportPanel(page),
    url: (q = '') => base + q,
    async shoot(name) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}${name}.png` });
    },
    async close() {
      await browser.close();
    },
  };
}
