/**
 * The end-to-end harness: the built app served by `vite preview` on a free port, and Debian's
 * Chromium driven by playwright-core (Playwright's own browser download does not work offline).
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { fileURLToPath } from 'node:url';

/** Where Debian installs Chromium. */
export const CHROMIUM = process.env.UNET_STUDIO_CHROMIUM ?? '/usr/bin/chromium';

/** The flags the browser runs with. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The studio app's root folder. */
export const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Serves `dist/` (run `vite build` first) on a free port; returns the server and its URL. */
export async function startPreview(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    root: APP_ROOT,
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { server, url };
}

/** Launches Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A page with a fixed viewport that records uncaught errors and console errors. */
export async function openPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  await page.locator('[data-testid="app"][data-ready="true"]').waitFor();
  return { page, errors };
}

/** A fresh browser context (its own IndexedDB) with a desktop viewport. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
}
