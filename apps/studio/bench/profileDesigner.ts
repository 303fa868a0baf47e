/**
 * Where the designer's time goes on the generated 500-node design: a CPU profile and Chrome's
 * main-thread metrics (script, style, layout) for an input-size edit, a one-node edit and a drag,
 * per edit or per drag step. A profiling tool, not a test: it prints tables and asserts nothing.
 *
 * Run: `pnpm --filter @unet-studio/studio profile:designer [--rev <git rev>] [--without-training]`
 * builds the working tree's source (or that revision's) unminified, one chunk per library, into
 * `.bench-out/profile-build` (with `--without-training`, leaving the training panel out) and
 * profiles it; `--dist <folder>` profiles a build made before instead. `--save <folder>` also
 * writes each profile as a `.cpuprofile` file that Chrome DevTools opens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serializeDesign } from '@unet-studio/compiler';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, newContext, openPage } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { summarise, type CpuProfile, type Times } from './cpuProfile';
import { chainFor, generateDesign } from './generateDesign';
import { editToDiagnostics, startDragProbe, stopDragProbe } from './measure';
import { flag, option } from './args';
import { buildApp } from './builds';
import { serveBuild } from './serve';

const REPS = 20;
/** React's entry point for input and change events: an edit's work before the browser renders. */
const INPUT_EVENT = 'dispatchDiscreteEvent';
const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: all } = await cdp.send('Performance.getMetrics');
  return new Map(all.filter((m) => METRICS.includes(m.name)).map((m) => [m.name, m.value]));
}

/** Runs `act` under the CPU profiler; prints the metrics and self times per unit of work. */
async function profiled(
  cdp: CDPSession,
  title: string,
  units: number,
  act: () => Promise<unknown>,
  within?: string,
): Promise<void> {
  const before = await metrics(cdp);
  await cdp.send('Profiler.start');
  await act();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  const after = await metrics(cdp);
  const saveDir = option('--save');
  if (saveDir) {
    // Chrome DevTools opens .cpuprofile files (Performance panel, "Load profile").
    mkdirSync(saveDir, { recursive: true });
    const file = join(saveDir, `${title.toLowerCase().replace(/\W+/g, '-')}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
  }
  const per = (ms: number): string => (ms / units).toFixed(2);
  const { busyMs } = summarise(profile, 0);
  const {
    byChunk,
    selfByFunction,
    totalByFunction,
    busyMs: pathMs,
  } = summarise(profile, 40, within);
  console.log(`\n### ${title} (ms per unit, ${units} units)\n`);
  const m = METRICS.map((k) => `${k} ${per(((after.get(k) ?? 0) - (before.get(k) ?? 0)) * 1000)}`);
  console.log(`Chrome metrics: ${m.join(', ')}; sampled busy JS ${per(busyMs)}`);
  if (within) console.log(`Inside ${within} (the tables below): ${per(pathMs)}`);
  console.log('');
  const table = (rows: Times, head: string): void => {
    console.log(`| ${head} | ms |\n|---|---|`);
    for (const [k, v] of rows) if (v / units >= 0.05) console.log(`| ${k} | ${per(v)} |`);
    console.log('');
  };
  table(byChunk, 'Chunk (self time)');
  table(selfByFunction, 'Function (self time)');
  table(totalByFunction, 'Function (total time)');
}

async function profilePage(page: Page): Promise<void> {
  await page.evaluate(
    () => ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const edit = (selector: string, values: string[]) => () =>
    page.evaluate(editToDiagnostics, { selector, values, reps: REPS });
  await profiled(
    cdp,
    'Edit input size',
    REPS,
    edit('[data-testid="totals-input-size"]', ['120 × 120', '128 × 128']),
    INPUT_EVENT,
  );
  await page.locator('.react-flow__node[data-id="output"] .layer-node-name').click();
  await page.getByTestId('inspector-output').waitFor();
  await profiled(
    cdp,
    'Edit one node',
    REPS,
    edit('[data-testid="field-activation"]', ['softmax', 'none']),
    INPUT_EVENT,
  );
  const box = await page.locator('.react-flow__node[data-id="pool1"]').boundingBox();
  if (!box) throw new Error('pool1 is not visible');
  await page.evaluate(startDragProbe, 'pool1');
  const steps = 60;
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await profiled(cdp, 'Drag', steps, async () => {
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(box.x + box.width / 2 + Math.sin(i / 8) * 120, box.y + 8 + i);
      await page.waitForTimeout(16);
    }
  });
  await page.mouse.up();
  await page.evaluate(stopDragProbe);
  await cdp.detach();
}

async function main(): Promise<void> {
  const dist = option('--dist');
  const rev = option('--rev');
  const outDir = dist ?? '.bench-out/profile-build';
  const withoutTraining = flag('--without-training');
  if (!dist) await buildApp({ outDir, profile: true, withoutTraining, ...(rev ? { rev } : {}) });
  const design = generateDesign(chainFor(500));
  const { server, url } = await serveBuild(outDir);
  const browser = await launchBrowser();
  try {
    const context = await newContext(browser);
    const { page, errors } = await openPage(
      context,
      url + encodeShareHash(serializeDesign(design)),
    );
    await page.locator('.react-flow__node[data-id="pool1"]').waitFor();
    console.log(`Profile of ${outDir}: ${design.model.nodes.length}-node design`);
    await profilePage(page);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
