/**
 * One browser session: Chromium, a fresh context (its own storage) and the page objects. The specs
 * open one per spec ({@link openSession}); `pnpm docs:screenshots` opens its own
 * ({@link openSessionAt}) outside Vitest.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchBrowser, newContext, openPage } from './harness';
import { Canvas } from './pages/Canvas';
import { ExportPanel } from './pages/ExportPanel';
import { Inspector } from './pages/Inspector';
import { Palette } from './pages/Palette';
import { Problems } from './pages/Problems';

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
  close(): Promise<void>;
}

/**
 * Launches Chromium and opens the app served at `base` (optionally with a query).
 * @param launch - Starts the browser (the harness's by default; WebGL on SwiftShader for training).
 */
export async function openSessionAt(
  base: string,
  query = '',
  launch: () => Promise<Browser> = launchBrowser,
): Promise<Session> {
  const browser = await launch();
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
    async close() {
      await browser.close();
    },
  };
}

/** Launches Chromium and opens the app that the specs' global setup serves (optionally with a query). */
export function openSession(query = ''): Promise<Session> {
  return openSessionAt(inject('baseUrl'), query);
}
