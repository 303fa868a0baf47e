/**
 * The screenshots of the user and training guides, taken with the end-to-end page objects in the
 * states the guides describe, written to docs/screenshots/. The tests take none, so a test run
 * leaves the tree clean; run this when the app's look changes.
 *
 * Run with `pnpm docs:screenshots` (builds first). Names as arguments take only those shots:
 * `pnpm docs:screenshots inspector problems`. The two training shots train the small template on
 * WebGL (SwiftShader) for a few epochs, which takes minutes on a CPU.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { buildSmall } from './buildSmall';
import { discPairsFolder } from './discPairs';
import { discsPng } from './discsPng';
import { startPreview } from './harness';
import { Files } from './pages/Files';
import { TrainingPanel } from './pages/TrainingPanel';
import { openSessionAt, type Session } from './session';
import { launchWebglBrowser } from './trainingBrowser';

const SHOTS = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));
const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** Writes docs/screenshots/<name>.png of the page as it is. */
async function save(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}${name}.png` });
  process.stdout.write(`wrote docs/screenshots/${name}.png\n`);
}

/** One browser session's shots: which it writes, and how it reaches each. */
interface Scene {
  readonly shots: readonly string[];
  readonly query: string;
  readonly webgl?: boolean;
  run(s: Session, shoot: (name: string) => Promise<void>): Promise<void>;
}

const SCENES: readonly Scene[] = [
  {
    shots: ['inspector', 'search-add', 'templates', 'levels', 'shortcuts'],
    query: '?template=tiny',
    async run(s, shoot) {
      await s.canvas.select('enc1');
      await s.inspector.set('filters', '12');
      await shoot('inspector');
      await s.page.keyboard.press('Escape');
      const box = await s.canvas.root().boundingBox();
      if (!box) throw new Error('no canvas');
      await s.page.mouse.dblclick(box.x + 60, box.y + box.height - 120);
      await s.page.getByTestId('search-add-input').fill('drop');
      await shoot('search-add');
      await s.page.keyboard.press('Escape');
      await s.page.getByTestId('open-templates').click();
      await shoot('templates');
      await s.page.getByTestId('template-small').click();
      await s.page.getByTestId('open-levels').click();
      await s.page.getByTestId('level-0').fill('8');
      await shoot('levels');
      await s.page.keyboard.press('Escape');
      // Shortcuts act on the canvas, not on the field that had the focus.
      await s.canvas.root().click({ position: { x: 5, y: 5 } });
      await s.page.keyboard.press('Shift+?');
      await s.page.getByTestId('help').waitFor();
      await shoot('shortcuts');
    },
  },
  {
    shots: ['canvas-built', 'export-panel', 'problems'],
    query: '',
    async run(s, shoot) {
      const ids = await buildSmall(s);
      await s.page.getByTestId('auto-layout').click();
      await shoot('canvas-built');
      await s.exportPanel.open();
      await shoot('export-panel');
      await s.exportPanel.close();
      const skip3 = ids.skip3 ?? 'skip3';
      await s.canvas.select(skip3);
      await s.inspector.choose('align', 'none');
      await s.page.getByTestId('totals-input-size').fill('60 × 60');
      await s.canvas.badge(skip3).waitFor();
      await s.page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
      await s.problems.open('SKIP_SIZE_MISMATCH', skip3);
      await s.page.getByTestId(`inspector-${skip3}`).waitFor();
      await shoot('problems');
    },
  },
  {
    shots: ['import-rejected'],
    query: '?template=tiny',
    async run(s, shoot) {
      const files = new Files(s.page);
      await files.open(fixture('bad-features.model-manager.yaml'));
      await s.page.locator('[data-testid="message"][data-kind="error"]').waitFor();
      await shoot('import-rejected');
    },
  },
  {
    shots: ['import-context'],
    query: '?template=tiny',
    async run(s, shoot) {
      await new Files(s.page).open(
        fileURLToPath(
          new URL(
            '../../../packages/compiler/fixtures/heliaedge-kits/heartkit-segmentation-class-4-unet.architecture.json',
            import.meta.url,
          ),
        ),
      );
      await s.page.getByTestId('import-context-dialog').waitFor();
      await shoot('import-context');
    },
  },
  {
    shots: ['training-in-progress', 'training-finished'],
    query: '?template=small',
    webgl: true,
    async run(s, shoot) {
      const panel = new TrainingPanel(s.page);
      // Tall enough to show the training panel with its preview strip.
      await s.page.setViewportSize({ width: 1440, height: 1500 });
      await panel.quickSettings(3);
      await panel.train();
      await panel.epochFigures(1);
      await s.page.getByTestId('train-preview').scrollIntoViewIfNeeded();
      await shoot('training-in-progress');
      await panel.waitForPhase('finished');
      await s.page.getByTestId('train-preview').scrollIntoViewIfNeeded();
      await shoot('training-finished');
    },
  },
  {
    shots: ['predict-full-size'],
    query: '?template=small',
    async run(s, shoot) {
      const panel = new TrainingPanel(s.page);
      await s.page.setViewportSize({ width: 1440, height: 1500 });
      await panel.quickSettings(4, 'wasm');
      await panel.train();
      await panel.waitForPhase('finished');
      await s.page.getByTestId('predict-overlap').fill('0');
      await panel.predict(await discsPng(s.page), 'big.png');
      await s.page.getByTestId('predict-zoom-in').click();
      await s.page.getByTestId('predict-result').scrollIntoViewIfNeeded();
      await shoot('predict-full-size');
    },
  },
  {
    shots: ['training-own-images', 'training-probe', 'runs-list'],
    query: '?template=small',
    webgl: true,
    async run(s, shoot) {
      const panel = new TrainingPanel(s.page);
      await s.page.setViewportSize({ width: 1440, height: 1500 });
      const dir = await discPairsFolder(s.page, 16);
      try {
        await panel.set('train-epochs', '4');
        await s.page.getByTestId('train-source-images').check();
        await s.page.getByTestId('train-files').setInputFiles(dir);
        await s.page.locator('[data-testid="train-data-report"][data-used="16"]').waitFor();
        await s.page.getByTestId('train-augment').locator('summary').click();
        await s.page.getByTestId('augment-flip').check();
        await s.page.getByTestId('augment-elastic').check();
        await s.page
          .locator('[data-testid="augment-preview"][data-source="images"] .augment-sample')
          .first()
          .waitFor({ timeout: 60_000 });
        await s.page.getByTestId('train-augment').scrollIntoViewIfNeeded();
        await shoot('training-own-images');
        await panel.train();
        await panel.epochFigures(1);
        await s.page.getByTestId('train-probe').scrollIntoViewIfNeeded();
        await shoot('training-probe');
        await panel.waitForPhase('finished');
        await s.page.reload();
        await s.page.locator('[data-testid="app"][data-ready="true"]').waitFor();
        await panel.open();
        await s.page.getByTestId('runs-list').locator('li').first().waitFor({ timeout: 30_000 });
        await s.page
          .locator('[data-testid="run-shown"][data-status="ready"]')
          .waitFor({ timeout: 60_000 });
        await s.page.getByTestId('runs-list').scrollIntoViewIfNeeded();
        await shoot('runs-list');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];

/** Takes the shots named in `wanted` (all when empty) and returns how many it wrote. */
async function takeShots(base: string, wanted: ReadonlySet<string>): Promise<number> {
  let written = 0;
  for (const scene of SCENES) {
    if (wanted.size > 0 && !scene.shots.some((n) => wanted.has(n))) continue;
    const s = await openSessionAt(base, scene.query, scene.webgl ? launchWebglBrowser : undefined);
    try {
      await scene.run(s, async (name) => {
        if (wanted.size > 0 && !wanted.has(name)) return;
        await save(s.page, name);
        written++;
      });
      if (s.errors.length > 0) throw new Error(`the page reported errors:\n${s.errors.join('\n')}`);
    } finally {
      await s.close();
    }
  }
  return written;
}

async function main(): Promise<void> {
  const known = new Set(SCENES.flatMap((s) => s.shots));
  const wanted = new Set(process.argv.slice(2).filter((a) => a !== '--'));
  const unknown = [...wanted].filter((n) => !known.has(n));
  if (unknown.length > 0)
    throw new Error(
      `unknown screenshot(s): ${unknown.join(', ')}; known: ${[...known].join(', ')}`,
    );
  mkdirSync(SHOTS, { recursive: true });
  const { server, url } = await startPreview();
  try {
    const written = await takeShots(url, wanted);
    process.stdout.write(`${written} screenshot(s) written to docs/screenshots/\n`);
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `docs:screenshots: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
