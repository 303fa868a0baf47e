/**
 * Training on wasm in the browser: with the app cross-origin isolated (as `vite preview` and
 * `vite dev` serve it), the worker runs tfjs's threaded SIMD build with one thread per core; served
 * without the isolation headers it trains on one thread and says why. Either way the run
 * completes, the loss falls and the page reports no error.
 */
import type { Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { APP_ROOT } from './harness';
import { launchWebglBrowser } from './trainingBrowser';
import { trainOnWasm } from './wasmRun';

describe('training in the browser on wasm', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchWebglBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('runs one wasm thread per core when the page is cross-origin isolated', async () => {
    const run = await trainOnWasm(browser, inject('baseUrl'));
    const threads = Math.min(run.cores, 8);
    expect(run.summary).toMatch(
      threads > 1 ? new RegExp(`^wasm, ${threads} threads`) : /^wasm, 1 thread/,
    );
    expect(run.status).toBe('completed');
    expect(run.last.loss).toBeLessThan(run.first.loss);
    expect(run.errors).toEqual([]);
  }, 300_000);

  it('trains on one thread, saying why, when the page is not cross-origin isolated', async () => {
    // The same build served without the COOP/COEP headers of vite.config.ts.
    const server: PreviewServer = await preview({
      root: APP_ROOT,
      configFile: false,
      preview: { port: 0, host: '127.0.0.1' },
      logLevel: 'warn',
    });
    try {
      const run = await trainOnWasm(browser, server.resolvedUrls?.local[0] ?? '');
      expect(run.summary).toMatch(/^wasm, 1 thread.*not cross-origin isolated/);
      expect(run.status).toBe('completed');
      expect(run.last.loss).toBeLessThan(run.first.loss);
      expect(run.errors).toEqual([]);
    } finally {
      await server.close();
    }
  }, 300_000);
});
