/**
 * The right column at 1440×900: Inspect / Train tabs above the problems, Train in view on the
 * Train tab's first view, two quick wasm runs overlaid in one chart per metric with a table of
 * their settings, legends showing the last epoch without a pointer, and a width that is dragged
 * and remembered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingPanel } from './pages/TrainingPanel';
import { openSession, type Session } from './session';

describe('the right column', () => {
  let s: Session;
  let panel: TrainingPanel;

  beforeAll(async () => {
    s = await openSession('?template=tiny');
    panel = new TrainingPanel(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  it('shows Train in view on the Train tab, with the problems still listed', async () => {
    expect(await s.page.getByTestId('tab-train').isVisible()).toBe(true);
    await panel.open();
    const train = await s.page.getByTestId('train').boundingBox();
    const problems = await s.page.getByTestId('problems').boundingBox();
    if (!train || !problems) throw new Error('no Train button or problems list');
    expect(train.y).toBeGreaterThanOrEqual(0);
    expect(train.y + train.height).toBeLessThanOrEqual(900);
    expect(train.x + train.width).toBeLessThanOrEqual(1440);
    expect(problems.height).toBeGreaterThan(0);
    expect(problems.y).toBeLessThan(900);
  });

  it('overlays two runs in one chart per metric, with their settings side by side', async () => {
    await panel.set('train-size-0', '32');
    await panel.set('train-size-1', '32');
    await panel.set('train-samples', '8');
    await panel.set('train-batch', '4');
    await panel.set('train-epochs', '1');
    await panel.set('train-lr', '0.003');
    await s.page.getByTestId('train-backend-choice').selectOption('wasm');
    await panel.train();
    await panel.waitForPhase('finished', 60_000);
    await panel.set('train-lr', '0.01');
    await panel.train();
    await s.page
      .locator('[data-testid="train-compare"][data-runs="2"]')
      .waitFor({ timeout: 60_000 });
    await panel.waitForPhase('finished', 60_000);
    await s.page.mouse.move(0, 0);

    const charts = await panel.compareCharts();
    expect(charts).toHaveLength(2);
    for (const chart of charts) {
      expect(chart.canvases).toBe(1);
      expect(chart.legend).toEqual(expect.arrayContaining(['A train', 'B train']));
    }
    const values = await panel.compareLegendValues();
    expect(values.length).toBeGreaterThan(0);
    // The train curves have a value at the last epoch: the legend shows it, not "--".
    expect(values.filter((v) => /^-?\d/.test(v.trim())).length).toBeGreaterThanOrEqual(4);

    const row = (name: string) =>
      s.page.getByTestId('run-compare-table').locator(`tr[data-row="${name}"]`);
    expect(await row('learningRate').getAttribute('data-differs')).toBe('true');
    expect(await row('learningRate').locator('td').allTextContents()).toEqual(['0.003', '0.01']);
    expect(await row('samples').getAttribute('data-differs')).toBe('false');
  }, 90_000);

  it('keeps a dragged width across a reload', async () => {
    const sidebar = s.page.getByTestId('sidebar');
    const before = await sidebar.boundingBox();
    const handle = await s.page.getByTestId('sidebar-resize').boundingBox();
    if (!before || !handle) throw new Error('no sidebar or resize handle');
    const y = handle.y + handle.height / 2;
    await s.page.mouse.move(handle.x + handle.width / 2, y);
    await s.page.mouse.down();
    await s.page.mouse.move(handle.x + handle.width / 2 - 120, y, { steps: 4 });
    await s.page.mouse.up();
    const after = await sidebar.boundingBox();
    expect(Math.round(after!.width - before.width)).toBeGreaterThanOrEqual(110);
    // The handle also takes the keyboard: ArrowLeft widens the column by 20 pixels.
    await s.page.getByTestId('sidebar-resize').focus();
    await s.page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => (await sidebar.boundingBox())!.width)
      .toBeCloseTo(after!.width + 20, 0);
    const widened = (await sidebar.boundingBox())!;
    await s.page.reload();
    await sidebar.waitFor();
    const reloaded = await sidebar.boundingBox();
    expect(Math.abs(reloaded!.width - widened.width)).toBeLessThanOrEqual(2);
  });
});
