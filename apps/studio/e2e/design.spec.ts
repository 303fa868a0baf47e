/**
 * Designing on the canvas: build the small template from an empty canvas by drag-and-drop and
 * wiring, read the shape labels, break a skip and fix it in one click, undo and redo, export the
 * ModelManager config, and find the design restored after a reload.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSmall } from './buildSmall';
import { openSession, type Session } from './session';

const EXPECTED_YAML = readFileSync(
  new URL('./fixtures/small.model-manager.yaml', import.meta.url),
  'utf8',
);

describe('designing the small U-Net on the canvas', () => {
  let s: Session;
  let ids: Record<string, string>;
  const id = (key: string): string => ids[key] ?? key;

  beforeAll(async () => {
    s = await openSession();
  });
  afterAll(async () => {
    await s.close();
  });

  it('builds the small template from an empty canvas by drag-and-drop and wiring', async () => {
    expect(await s.canvas.nodeIds()).toEqual([]);
    ids = await buildSmall(s);
    expect(await s.canvas.nodeIds()).toHaveLength(18);
    expect(await s.canvas.edgeCount()).toBe(20);
    expect(await s.problems.errorCodes()).toEqual([]);
    await s.page.getByTestId('auto-layout').click();
  });

  it('labels every edge with its tensor shape and every node with its output shape', async () => {
    expect(await s.canvas.edgeLabel(`${id('enc1')}-${id('pool1')}`).textContent()).toBe('16×64×64');
    expect(await s.canvas.shapeOf(id('bottleneck'))).toBe('128×8×8');
    expect(await s.canvas.shapeOf(id('skip3'))).toBe('128×16×16');
    expect(await s.canvas.shapeOf(id('output'))).toBe('1×64×64');
    const labels = await s.canvas.edgeLabels();
    expect(labels).toHaveLength(20);
    expect(labels.every((l) => /^\d+×\d+×\d+$/.test(l))).toBe(true);
    await expect.poll(() => s.page.getByTestId('totals-params').textContent()).toMatch(/^484k/);
  });

  it('exports the ModelManager config', async () => {
    await s.exportPanel.open();
    expect(await s.exportPanel.text('model-manager-yaml')).toBe(EXPECTED_YAML);
    expect(JSON.parse(await s.exportPanel.text('model-manager'))).toEqual({
      model: {
        name: 'unet',
        parameters: {
          in_channels: 3,
          out_channels: 1,
          features: [16, 32, 64, 128],
          activation: 'relu',
          normalization: 'batchnorm',
          bilinear: false,
        },
      },
    });
    expect(await s.exportPanel.text('model-manager-python')).toContain(
      "create_model('unet', in_channels=3, out_channels=1, features=[16, 32, 64, 128]",
    );
    await s.exportPanel.close();
  });

  it('shows a broken skip on its node and fixes it in one click', async () => {
    await s.canvas.select(id('skip3'));
    await s.inspector.choose('align', 'none');
    expect(await s.problems.errorCodes()).toEqual([]);
    await s.page.getByTestId('totals-input-size').fill('60 × 60');
    await expect.poll(() => s.problems.errorCodes()).toContain('SKIP_SIZE_MISMATCH');
    const badge = s.canvas.badge(id('skip3'));
    expect(await badge.getAttribute('title')).toMatch(/SKIP_SIZE_MISMATCH: The maps differ/);
    expect(
      await s.canvas.node(id('skip3')).evaluate((e) => e.classList.contains('has-error')),
    ).toBe(true);
    await s.page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await s.problems.open('SKIP_SIZE_MISMATCH', id('skip3'));
    await s.page.getByTestId(`inspector-${id('skip3')}`).waitFor();
    await s.problems.fix('SKIP_SIZE_MISMATCH', id('skip3'));
    await expect.poll(() => s.problems.errorCodes()).toEqual([]);
    expect(await badge.count()).toBe(0);
    expect(await s.inspector.field('align').inputValue()).toBe('pad');
  });

  it('undoes and redoes whole transactions', async () => {
    const undo = s.page.getByTestId('undo');
    const redo = s.page.getByTestId('redo');
    await undo.click();
    await expect
      .poll(() => s.problems.errorCodes())
      .toEqual(['SKIP_SIZE_MISMATCH', 'INPUT_SIZE_INVALID']);
    expect(await redo.getAttribute('title')).toMatch(/Redo Fix: Set align to pad/);
    await undo.click();
    expect(await s.problems.errorCodes()).toEqual([]);
    expect(await s.page.getByTestId('totals-input-size').inputValue()).toBe('64 × 64');
    await s.page.keyboard.press('Control+Shift+Z');
    await expect
      .poll(() => s.problems.errorCodes())
      .toEqual(['SKIP_SIZE_MISMATCH', 'INPUT_SIZE_INVALID']);
    await redo.click();
    expect(await s.problems.errorCodes()).toEqual([]);
    expect(await s.page.getByTestId('totals-input-size').inputValue()).toBe('60 × 60');
    // A drag is one step however many ticks it takes.
    await s.canvas.showAll();
    const node = s.canvas.node(id('output'));
    const before = await node.boundingBox();
    if (!before) throw new Error('output node is not visible');
    await s.page.mouse.move(before.x + 40, before.y + 6);
    await s.page.mouse.down();
    await s.page.mouse.move(before.x - 60, before.y + 106, { steps: 12 });
    await s.page.mouse.up();
    const moved = await node.boundingBox();
    expect(moved?.y).toBeGreaterThan(before.y + 50);
    // The move is recorded when the drag ends, and the button's title follows on the next render.
    await expect.poll(() => undo.getAttribute('title'), { timeout: 10_000 }).toMatch(/Undo Move/);
    await s.page.keyboard.press('Control+Z');
    await expect
      .poll(async () => Math.round((await node.boundingBox())?.y ?? 0))
      .toBe(Math.round(before.y));
  });

  it('restores the design after a reload', async () => {
    await s.exportPanel.open();
    const before = await s.exportPanel.text('design');
    await s.exportPanel.close();
    await s.page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await s.page.reload();
    await s.page.locator('[data-testid="app"][data-ready="true"]').waitFor();
    expect(await s.canvas.nodeIds()).toHaveLength(18);
    expect(await s.canvas.edgeCount()).toBe(20);
    await s.exportPanel.open();
    expect(await s.exportPanel.text('design')).toBe(before);
    expect(await s.exportPanel.text('model-manager-yaml')).toBe(EXPECTED_YAML);
    expect(s.errors).toEqual([]);
  });
});
