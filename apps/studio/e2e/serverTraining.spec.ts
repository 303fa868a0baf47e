/**
 * Training on the training server from the studio it serves: `pnpm serve`'s server (PyTorch on
 * the CPU, gloo) serves the built studio; the panel's train-target chooses the server, the run's
 * progress, curves and preview strip update from the server's events, Stop ends it, and Predict
 * runs in the browser on the server-trained weights, which are kept with the design (Predict after a
 * reload runs on them). Skipped, saying why, without PyTorch.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discsPng } from './discsPng';
import { launchBrowser, newContext, openPage } from './harness';
import { TrainingPanel } from './pages/TrainingPanel';

const SERVER_BIN = fileURLToPath(
  new URL('../../server/bin/unet-studio-server.js', import.meta.url),
);
const PYTHON = process.env.UNET_STUDIO_PYTHON || '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { timeout: 120_000 }).status === 0;
if (!hasTorch) console.warn(`skipping the server spec: ${PYTHON} cannot import torch`);

/** Starts the server on a free port; resolves with the URL it prints (token included). */
function startServer(home: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVER_BIN, '--port', '0', '--home', home], {
    env: { ...process.env, UNET_STUDIO_PYTHON: PYTHON },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server printed no URL:\n${out}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${out}`)));
  });
}

/** A 32×32 PNG with a bright disc on a dark background, drawn by the page. */
async function discPng(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = c.height = 32;
    const g = c.getContext('2d')!;
    g.fillStyle = '#202020';
    g.fillRect(0, 0, 32, 32);
    g.fillStyle = '#f0f0f0';
    g.beginPath();
    g.arc(16, 16, 7, 0, Math.PI * 2);
    g.fill();
    return c.toDataURL('image/png');
  });
  return Buffer.from(url.split(',')[1]!, 'base64');
}

describe.skipIf(!hasTorch)('training on the server from the studio it serves', () => {
  let home: string;
  let server: { child: ChildProcess; url: string };
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let panel: TrainingPanel;

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'unet-serve-e2e-'));
    server = await startServer(home);
    browser = await launchBrowser();
    const url = new URL(server.url);
    url.searchParams.set('template', 'tiny');
    ({ page, errors } = await openPage(await newContext(browser), url.toString()));
    panel = new TrainingPanel(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    await new Promise((r) => server?.child.once('exit', r));
    rmSync(home, { recursive: true, force: true });
  });

  it('takes the token out of the address and offers the server as a target', async () => {
    expect(page.url()).not.toContain('token=');
    await panel.open();
    const target = page.getByTestId('train-target');
    await target.waitFor({ timeout: 60_000 });
    const options = await target
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['browser', 'server']);
    expect(await target.locator('option[value="server"]').textContent()).toMatch(
      /server 127\.0\.0\.1:\d+ \(CPU\)/,
    );
  });

  it('trains on the server: the progress, curves and preview strip update; Stop ends the run', async () => {
    await page.getByTestId('train-target').selectOption('server');
    expect(await page.getByTestId('train-target').inputValue()).toBe('server');
    await panel.set('train-samples', '16');
    await panel.set('train-batch', '4');
    await panel.set('train-epochs', '2');
    expect(await page.getByTestId('train-target').inputValue()).toBe('server');
    await panel.train();
    expect(await panel.backend()).toBe('server');
    await panel.waitForPhase('finished', 180_000);
    expect((await panel.status()).status).toBe('completed');
    // Epochs can follow each other faster than a page renders: read the state once finished.
    const last = await panel.epochFigures(2);
    expect(last.loss).toBeGreaterThan(0);
    await page.locator('[data-testid="train-preview"][data-epoch="2"]').waitFor();
    expect((await panel.predictedMasks()).length).toBe(3);
    expect(await page.locator('.train-charts canvas, .train-charts svg').count()).toBeGreaterThan(
      0,
    );

    // A longer run: its curves and previews move on while it trains, then Stop ends it.
    await panel.set('train-epochs', '200');
    await panel.train();
    const shownEpoch = () =>
      page.evaluate(() =>
        Number(
          document.querySelector('[data-testid="train-preview"]')?.getAttribute('data-epoch') ?? 0,
        ),
      );
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="train-preview"]')?.getAttribute('data-epoch') ?? 0,
        ) >= 1,
      undefined,
      { timeout: 180_000, polling: 100 },
    );
    const seen = await shownEpoch();
    await page.waitForFunction(
      (n) =>
        Number(
          document.querySelector('[data-testid="train-metrics"]')?.getAttribute('data-epoch') ?? 0,
        ) > n,
      seen,
      { timeout: 180_000, polling: 100 },
    );
    await panel.stop();
    await panel.waitForPhase('finished', 60_000);
    expect((await panel.status()).status).toBe('stopped');
    // Both server runs are kept with the design's run records, as browser runs are.
    expect(Number(await page.getByTestId('train-compare').getAttribute('data-runs'))).toBe(2);
  }, 400_000);

  it('resumes the stopped server run into the same curves, from its last checkpoint', async () => {
    const done = await page.evaluate(() =>
      Number(
        document.querySelector('[data-testid="train-metrics"]')?.getAttribute('data-epoch') ?? 0,
      ),
    );
    expect(done).toBeGreaterThan(0);
    const resume = page.getByTestId('server-resume');
    // Epochs at what was trained: nothing more to train, so no resume.
    await panel.set('train-epochs', String(done));
    expect(await resume.isDisabled()).toBe(true);
    await panel.set('train-epochs', String(done + 1));
    expect(await resume.textContent()).toContain(`${done} → ${done + 1} epochs`);
    await resume.click();
    await panel.waitForPhase('finished', 180_000);
    expect((await panel.status()).status).toBe('completed');
    // The earlier epochs come back from the server, and the new one follows them.
    expect(await page.getByTestId('train-metrics').getAttribute('data-epoch')).toBe(
      String(done + 1),
    );
    expect(await resume.count()).toBe(0);
    // Still two runs: the resumed one replaced its own record.
    expect(Number(await page.getByTestId('train-compare').getAttribute('data-runs'))).toBe(2);
  }, 300_000);

  it("predicts in the browser on the server-trained model at the image's full size", async () => {
    await page
      .locator('[data-testid="train-predict"][data-model="ready"]')
      .waitFor({ timeout: 120_000 });
    const share = await panel.predict(await discPng(page));
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);

    // Not resized to the model's 32×32: tiled over the whole 200×150 image, as in the browser.
    await panel.predict(await discsPng(page, 200, 150), 'wide.png');
    const output = page.getByTestId('predict-output');
    expect(await output.getAttribute('width')).toBe('200');
    expect(await output.getAttribute('height')).toBe('150');
    expect(await page.getByTestId('predict-tiling').textContent()).toMatch(
      /^wide\.png: 200×150 px, .*tiles of 32×32/,
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('predict-download-mask').click(),
    ]);
    expect(download.suggestedFilename()).toBe('wide-mask.png');
    expect(errors).toEqual([]);
  });

  it('keeps the server-trained weights with the design: after a reload, Predict runs on them', async () => {
    const listed = () =>
      page
        .getByTestId('runs-list')
        .locator('li')
        .evaluateAll((items) =>
          items.map((li) => [li.getAttribute('data-run-id'), li.getAttribute('data-weights')]),
        );
    // Most recent first: the latest server run keeps its weights, the older one's were dropped.
    await expect
      .poll(async () => (await listed()).map(([, w]) => w), { timeout: 60_000 })
      .toEqual(['kept', 'none']);
    const latest = (await listed())[0]?.[0];
    expect(await page.getByTestId('predict-model').getAttribute('data-run-id')).toBe(latest);

    await page.reload();
    await page.locator('[data-testid="app"][data-ready="true"]').waitFor();
    await panel.open();
    await expect.poll(async () => (await listed()).map(([, w]) => w)).toEqual(['kept', 'none']);
    await page
      .locator('[data-testid="run-shown"][data-status="ready"]')
      .waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('run-shown').getAttribute('data-fits')).toBe('true');
    // The browser's prediction view on the stored model, not a new load from the server.
    expect(await page.getByTestId('server-download-package').count()).toBe(0);
    expect(await page.getByTestId('predict-model').getAttribute('data-run-id')).toBe(latest);
    const share = await panel.predict(await discPng(page));
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.getByTestId('train-download').click();
    await expect.poll(() => downloads.filter((n) => n.endsWith('.weights.bin'))).toHaveLength(1);
    expect(errors).toEqual([]);
  }, 180_000);
});
