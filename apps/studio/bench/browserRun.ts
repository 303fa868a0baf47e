/**
 * One timed training run for the browser benchmark: the built app in a fresh headless Chromium,
 * the small template trained through the Train button for one epoch, with the time of every
 * step observed inside the page from the moments the progress bar moves.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { newContext, openPage } from '../e2e/harness';
import { TrainingPanel } from '../e2e/pages/TrainingPanel';
import { launchWebglBrowser, launchWebgpuBrowser } from '../e2e/trainingBrowser';

/** Images per batch. */
export const BATCH = 8;

/** What one run saw. */
export interface RunResult {
  /** The panel's backend summary (it names wasm's thread count). */
  readonly summary: string;
  /** Milliseconds of each step after the first (the first compiles and warms up). */
  readonly stepsMs: readonly number[];
}

/** Records (time, progress value) every time the progress bar moves (the bar must exist). */
function observeProgress(page: Page): Promise<void> {
  // No named functions inside: the page cannot see the helpers tsx adds for them.
  return page.evaluate(() => {
    const marks: [number, number][] = [];
    (window as unknown as { progressMarks: [number, number][] }).progressMarks = marks;
    const bar = document.querySelector('[data-testid="train-progress"]')!;
    new MutationObserver(() => {
      marks.push([performance.now(), Number(bar.getAttribute('value'))]);
    }).observe(bar, { attributes: true, attributeFilter: ['value'] });
  });
}

/** Step times from the progress marks: the gaps between consecutive batches of the epoch. */
export function stepTimes(marks: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < marks.length; i++) {
    const [t0, v0] = marks[i - 1]!;
    const [t1, v1] = marks[i]!;
    if (v0 >= 1 && v1 === v0 + 1) out.push(t1 - t0);
  }
  return out;
}

/** Trains `batches` steps on `backend` at `url` and returns the step times. */
export async function timeRun(url: string, backend: string, batches: number): Promise<RunResult> {
  const browser = await (backend === 'webgpu' ? launchWebgpuBrowser() : launchWebglBrowser());
  try {
    const { page } = await openPage(await newContext(browser), `${url}?template=small`);
    const panel = new TrainingPanel(page);
    // One validation sample per five: batches × 8 training samples plus the held-out share.
    await panel.set('train-samples', String(Math.ceil((batches * BATCH) / 0.8)));
    await panel.set('train-batch', String(BATCH));
    await panel.set('train-epochs', '1');
    await page.getByTestId('train-backend-choice').selectOption(backend);
    await panel.train();
    await page.getByTestId('train-progress').waitFor();
    await observeProgress(page);
    await panel.backend();
    const summary = (await page.locator('.train-backend-line').getAttribute('title')) ?? '';
    await panel.waitForPhase('finished', 3_600_000);
    const marks = await page.evaluate(
      () => (window as unknown as { progressMarks: [number, number][] }).progressMarks,
    );
    const stepsMs = stepTimes(marks);
    if (stepsMs.length === 0) throw new Error(`${backend}: too few steps to time`);
    return { summary, stepsMs };
  } finally {
    await browser.close();
  }
}

/**
 * Serves a private copy of the build in `dist` (relative to the app root, or absolute) twice: as `vite preview` does (cross-origin isolated, so
 * wasm gets threads) and without the COOP/COEP headers (so wasm falls back to one thread). A
 * rebuild elsewhere during the (long) run cannot swap the app's files under the open pages.
 */
export async function servePrivateCopy(dist = 'dist'): Promise<{
  isolated: string;
  plain: string;
  close: () => Promise<void>;
}> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = join(mkdtempSync(join(tmpdir(), 'unet-studio-bench-')), 'dist');
  cpSync(resolve(root, dist), outDir, { recursive: true });
  const serve = (configFile: false | undefined) =>
    preview({
      root,
      configFile,
      build: { outDir },
      preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
      logLevel: 'warn',
    });
  const servers = [await serve(undefined), await serve(false)];
  const [isolated, plain] = servers.map((s) => s.resolvedUrls?.local[0]);
  if (!isolated || !plain) throw new Error('vite preview did not report a URL');
  return {
    isolated,
    plain,
    close: async () => void (await Promise.all(servers.map((s) => s.close()))),
  };
}
