/**
 * Browser training benchmark: trains the small template (features [16, 32, 64, 128], batches of
 * 8 × 64×64×3) through the app's Train button in headless Chromium on webgl, wasm and cpu, and
 * reports steady images/s per backend. The first step (kernel compilation, warm-up) is left out:
 * the rate is taken between the first and the last batch of one epoch, from the moments the
 * progress bar moves, observed inside the page.
 *
 * Run with `pnpm bench:browser` (builds first). `--backends=webgl,wasm` picks backends,
 * `--batches=N` sets the steps per backend (default 4; cpu uses at most 3).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { newContext, openPage } from '../e2e/harness';
import { TrainingPanel } from '../e2e/pages/TrainingPanel';
import { launchWebglBrowser } from '../e2e/trainingBrowser';

const BATCH = 8;

function arg(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
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

async function measure(
  url: string,
  backend: string,
  batches: number,
): Promise<{ backend: string; shown: string; imagesPerSecond: number; steps: number }> {
  const browser = await launchWebglBrowser();
  try {
    const { page } = await openPage(await newContext(browser), `${url}?template=small`);
    const panel = new TrainingPanel(page);
    // One validation sample per five: batches × 8 training samples plus the held-out share.
    const samples = Math.ceil((batches * BATCH) / 0.8);
    await panel.set('train-samples', String(samples));
    await panel.set('train-batch', String(BATCH));
    await panel.set('train-epochs', '1');
    await page.getByTestId('train-backend-choice').selectOption(backend);
    await panel.train();
    await page.getByTestId('train-progress').waitFor();
    await observeProgress(page);
    const shown = await panel.backend();
    await panel.waitForPhase('finished', 3_600_000);
    const marks = await page.evaluate(
      () => (window as unknown as { progressMarks: [number, number][] }).progressMarks,
    );
    const steps = marks.filter(([, v]) => v >= 1);
    const first = steps[0];
    const last = steps[steps.length - 1];
    if (!first || !last || last[1] <= first[1])
      throw new Error(`${backend}: too few steps to time (${steps.length})`);
    const imagesPerSecond = ((last[1] - first[1]) * BATCH) / ((last[0] - first[0]) / 1000);
    return { backend, shown, imagesPerSecond, steps: last[1] - first[1] };
  } finally {
    await browser.close();
  }
}

/**
 * Serves a private copy of `dist/`, so a rebuild elsewhere during the (long) run cannot swap the
 * app's files under the open pages.
 */
async function servePrivateCopy(): Promise<{ url: string; close: () => Promise<void> }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const outDir = join(mkdtempSync(join(tmpdir(), 'unet-studio-bench-')), 'dist');
  cpSync(join(root, 'dist'), outDir, { recursive: true });
  const server = await preview({
    root,
    build: { outDir },
    preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, close: () => server.close() };
}

async function main(): Promise<void> {
  const backends = (arg('backends') ?? 'webgl,wasm,cpu').split(',');
  const batches = Number(arg('batches') ?? 4);
  const { url, close } = await servePrivateCopy();
  try {
    console.log(
      'small template, batch 8 × 64×64×3, headless Chromium (WebGL on SwiftShader when no GPU)',
    );
    for (const backend of backends) {
      const r = await measure(url, backend, backend === 'cpu' ? Math.min(3, batches) : batches);
      console.log(
        `${r.backend.padEnd(6)} ran on ${r.shown.padEnd(6)} ${r.imagesPerSecond.toFixed(2).padStart(8)} images/s  (${(BATCH / r.imagesPerSecond).toFixed(2)} s/step over ${r.steps} steps)`,
      );
    }
  } finally {
    await close();
  }
}

await main();
