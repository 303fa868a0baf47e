/**
 * One quick wasm training run in the studio (the small template, 3 epochs at 32×32), as the e2e
 * spec and the wasm-threads check script both drive it: what the panel showed, and the page errors.
 */
import type { Browser } from 'playwright-core';
import { newContext, openPage } from './harness';
import { TrainingPanel, type EpochFigures } from './pages/TrainingPanel';

/** What a user saw of a wasm training run. */
export interface WasmRun {
  /** The panel's backend summary, e.g. `wasm, 2 threads, SIMD`. */
  readonly summary: string;
  readonly first: EpochFigures;
  readonly last: EpochFigures;
  /** The run's final status (`completed`, `stopped`…). */
  readonly status: string;
  /** `navigator.hardwareConcurrency` in the page. */
  readonly cores: number;
  readonly errors: readonly string[];
}

/** Trains the small template for 3 quick epochs on wasm at `url`, in a fresh context of `browser`. */
export async function trainOnWasm(browser: Browser, url: string): Promise<WasmRun> {
  const context = await newContext(browser);
  try {
    const { page, errors } = await openPage(context, `${url}?template=small`);
    const panel = new TrainingPanel(page);
    await panel.quickSettings(3, 'wasm');
    await panel.train();
    const summary = await panel.backendSummary();
    const first = await panel.epochFigures(1);
    await panel.waitForPhase('finished');
    const last = await panel.epochFigures(3);
    const { status } = await panel.status();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    return { summary, first, last, status, cores, errors };
  } finally {
    await context.close();
  }
}
