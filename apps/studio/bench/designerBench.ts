/**
 * Designer responsiveness benchmark (not a test): in Chromium against built apps, with the
 * 5-level ModelManager template and a generated 500-node design, measures
 * - edit → updated diagnostics: from the input event until the problems panel has changed, for an
 *   edit of one node (the output's activation) and for the input size (every shape changes);
 * - drag: mousemove → dragged node moved in the DOM, the main-thread time per rendered frame
 *   (Chrome's TaskDuration over the frames counted by requestAnimationFrame), and frame intervals.
 * Several builds can be measured side by side in one run, in alternating order over a few rounds,
 * so that they share the machine's load: the working tree's build, the build of an earlier commit
 * (`--baseline <rev>`), and each without the training panel (`--without-training`).
 * Prints a Markdown table for docs/benchmarks.md ("## Designer responsiveness").
 *
 * Run: `pnpm --filter @unet-studio/studio bench:designer [--baseline <rev>] [--without-training]
 * [--rounds <n>]` (builds first).
 */
import { cpus, loadavg } from 'node:os';
import { serializeDesign } from '@unet-studio/compiler';
import type { Browser } from 'playwright-core';
import { launchBrowser, newContext, openPage } from '../e2e/harness';
import { encodeShareHash } from '../src/io/shareLink';
import { flag, option } from './args';
import { buildApp, type BuildSpec } from './builds';
import {
  DRAG_STEPS,
  EDIT_REPS,
  measureCase,
  mergeSamples,
  type Case,
  type Samples,
} from './designerCase';
import { chainFor, generateDesign } from './generateDesign';
import { stats, type EditTiming } from './measure';
import { serveBuild, type Served } from './serve';

interface Variant {
  readonly label: string;
  /** How to build it; none for the `dist/` that `vite build` just wrote. */
  readonly spec?: BuildSpec;
}

function variants(): Variant[] {
  const baseline = option('--baseline');
  const split = flag('--without-training');
  const out: Variant[] = [];
  if (baseline) {
    out.push({
      label: `${baseline}`,
      spec: { outDir: '.bench-out/builds/baseline', rev: baseline },
    });
    if (split) {
      const outDir = '.bench-out/builds/baseline-no-training';
      out.push({
        label: `${baseline}, no training panel`,
        spec: { outDir, rev: baseline, withoutTraining: true },
      });
    }
  }
  out.push({ label: baseline ? 'working tree' : 'app' });
  if (split) {
    const outDir = '.bench-out/builds/no-training';
    out.push({ label: 'working tree, no training panel', spec: { outDir, withoutTraining: true } });
  }
  return out;
}

const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '—');
const diag = (xs: readonly EditTiming[]): string => ms(xs.map((x) => x.diagnostics));
const frame = (xs: readonly EditTiming[]): string => ms(xs.map((x) => x.frame));
const ms = (xs: readonly number[]): string => {
  const s = stats(xs);
  return `${f1(s.median)} / ${f1(s.p95)}`;
};

async function main(): Promise<void> {
  const rounds = Number(option('--rounds') ?? '3');
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error('--rounds must be a whole number ≥ 1');
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
    {
      title: `Generated ${big.model.nodes.length}-node design, zoomed in to 100 %`,
      query: encodeShareHash(serializeDesign(big)),
      sizes: ['120 × 120', '128 × 128'],
      dragNode: 'pool1',
      zoom: 1,
    },
  ];
  const builds = variants();
  for (const v of builds) if (v.spec) await buildApp(v.spec);
  const served: Served[] = [];
  let browser: Browser | null = null;
  const samples = new Map<string, Samples>();
  const loads = [loadavg()[0] ?? NaN];
  try {
    for (const v of builds) served.push(await serveBuild(v.spec?.outDir ?? 'dist'));
    browser = await launchBrowser();
    for (let round = 0; round < rounds; round++) {
      for (const c of cases) {
        // Alternate the order so that no build always runs first (on a cold cache) or last.
        const order = builds.map((_, i) => (round % 2 === 0 ? i : builds.length - 1 - i));
        for (const i of order) {
          const context = await newContext(browser);
          const { page, errors } = await openPage(context, (served[i]?.url ?? '') + c.query);
          // A design opens at a readable zoom around its input; show all of it first.
          await page.locator('.react-flow__node').first().waitFor();
          await page.locator('.react-flow__controls-fitview').click();
          await page.locator(`.react-flow__node[data-id="${c.dragNode}"]`).waitFor();
          const key = `${c.title}\n${builds[i]?.label ?? ''}`;
          samples.set(key, mergeSamples(samples.get(key), await measureCase(page, c)));
          if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
          await context.close();
        }
      }
      loads.push(loadavg()[0] ?? NaN);
    }
  } finally {
    await browser?.close();
    for (const s of served) await s.server.close();
  }
  console.log(
    `\nChromium ${browser?.version() ?? '?'} headless, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${loads.map(f1).join(' → ')}`,
  );
  console.log(
    `${rounds} rounds; per build and design ${rounds * EDIT_REPS} edits of each kind and ${rounds * DRAG_STEPS} drag steps; times in ms (median / p95).\n`,
  );
  console.log(
    '| Design | Build | Zoom | Nodes drawn | Edit one node → diagnostics | Edit input size → diagnostics | Drag: move → node moved | Drag: main-thread work per frame | Drag: frame interval | Edit one node → next frame | Edit input size → next frame |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [key, s] of samples) {
    const [design, build] = key.split('\n');
    const cells = [
      design ?? '',
      build ?? '',
      s.zoom.toFixed(2),
      String(s.nodes),
      diag(s.localEdit),
      diag(s.globalEdit),
      ms(s.moves),
      `${f1(s.taskMs / Math.max(1, s.frames.length))} (mean)`,
      ms(s.frames),
      frame(s.localEdit),
      frame(s.globalEdit),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

await main();
