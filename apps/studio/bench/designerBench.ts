/**
 * Designer responsiveness benchmark (not a test): in Chromium against the built app, with the
 * 5-level ModelManager template and a generated 500-node design, measures
 * - edit → updated diagnostics: from the input event until the problems panel has changed, for an
 *   edit of one node (the output's activation) and for the input size (every shape changes);
 * - drag: mousemove → dragged node moved in the DOM, the main-thread time per rendered frame
 *   (Chrome's TaskDuration over the frames counted by requestAnimationFrame), and frame intervals.
 * Prints a Markdown table for docs/benchmarks.md ("## Designer responsiveness").
 *
 * Run: `pnpm --filter @unet-studio/studio bench:designer` (builds first).
 */
import { cpus, loadavg } from 'node:os';
import { serializeDesign } from '@unet-studio/compiler';
import type { Page } from 'playwright-core';
import { launchBrowser, newContext, openPage, startPreview } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { chainFor, generateDesign } from './generateDesign';
import { editToDiagnostics, startDragProbe, stats, stopDragProbe, type Stats } from './measure';

interface Case {
  readonly title: string;
  readonly query: string;
  /** Input sizes to alternate: one fits the network, the other does not (every shape changes). */
  readonly sizes: readonly string[];
  /** A node to drag. */
  readonly dragNode: string;
}

interface Result {
  readonly title: string;
  readonly nodes: number;
  /** One node's param (the output's activation: none ↔ softmax on 1 class). */
  readonly localEdit: Stats;
  /** The input size (every shape and cost changes). */
  readonly globalEdit: Stats;
  readonly move: Stats;
  readonly frameWork: number;
  readonly frames: Stats;
}

const EDIT_REPS = 40;
const DRAG_STEPS = 90;

async function runCase(page: Page, c: Case): Promise<Result> {
  const nodes = await page.locator('.react-flow__node').count();
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate(
    () => ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f),
  );
  const globalEdit = stats(
    await page.evaluate(editToDiagnostics, {
      selector: '[data-testid="totals-input-size"]',
      values: [...c.sizes],
      reps: EDIT_REPS,
    }),
  );
  await page.locator('.react-flow__node[data-id="output"] .layer-node-name').click();
  await page.getByTestId('inspector-output').waitFor();
  const localEdit = stats(
    await page.evaluate(editToDiagnostics, {
      selector: '[data-testid="field-activation"]',
      values: ['softmax', 'none'],
      reps: EDIT_REPS,
    }),
  );
  const box = await page.locator(`.react-flow__node[data-id="${c.dragNode}"]`).boundingBox();
  if (!box) throw new Error(`${c.dragNode} is not visible`);
  await page.evaluate(startDragProbe, c.dragNode);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async (): Promise<number> =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
      ?.value ?? NaN) * 1000;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(8, box.height / 3);
  await page.mouse.move(x, y);
  await page.mouse.down();
  const framesBefore = await page.evaluate(
    () => (window as unknown as { __dragProbe: { frames: number[] } }).__dragProbe.frames.length,
  );
  const before = await taskMs();
  for (let i = 1; i <= DRAG_STEPS; i++) {
    await page.mouse.move(x + Math.sin(i / 8) * 120, y + i, { steps: 1 });
    await page.waitForTimeout(16);
  }
  const after = await taskMs();
  await page.mouse.up();
  const probe = await page.evaluate(stopDragProbe);
  await cdp.detach();
  const frames = probe.frames.slice(framesBefore);
  return {
    title: c.title,
    nodes,
    localEdit,
    globalEdit,
    move: stats(probe.moves),
    frameWork: (after - before) / Math.max(1, frames.length),
    frames: stats(frames),
  };
}

const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '—');

async function main(): Promise<void> {
  const big = generateDesign(chainFor(500));
  const cases: Case[] = [
    {
      title: '5-level ModelManager template',
      query: '?template=modelmanager-unet',
      sizes: ['250 × 250', '256 × 256'],
      dragNode: 'bottleneck',
    },
    {
      title: `Generated ${big.model.nodes.length}-node design`,
      query: encodeShareHash(serializeDesign(big)),
      sizes: ['120 × 120', '128 × 128'],
      dragNode: 'pool1',
    },
  ];
  const { server, url } = await startPreview();
  const browser = await launchBrowser();
  const results: Result[] = [];
  try {
    for (const c of cases) {
      const context = await newContext(browser);
      const { page, errors } = await openPage(context, url + c.query);
      await page.locator(`.react-flow__node[data-id="${c.dragNode}"]`).waitFor();
      results.push(await runCase(page, c));
      if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const [load1] = loadavg();
  console.log(
    `\nChromium ${browser.version()} headless, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${f1(load1 ?? NaN)}`,
  );
  console.log(
    `${EDIT_REPS} edits, ${DRAG_STEPS} drag steps per design; times in ms (median / p95).\n`,
  );
  console.log(
    '| Design | Nodes drawn | Edit one node → diagnostics | Edit input size → diagnostics | Drag: move → node moved | Drag: main-thread work per frame | Drag: frame interval |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    const cells = [
      r.title,
      String(r.nodes),
      `${f1(r.localEdit.median)} / ${f1(r.localEdit.p95)}`,
      `${f1(r.globalEdit.median)} / ${f1(r.globalEdit.p95)}`,
      `${f1(r.move.median)} / ${f1(r.move.p95)}`,
      `${f1(r.frameWork)} (mean)`,
      `${f1(r.frames.median)} / ${f1(r.frames.p95)}`,
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

await main();
