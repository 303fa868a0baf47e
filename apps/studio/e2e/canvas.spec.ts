/**
 * Canvas tools: the inspector validating as you type, search-and-add (double-click, dropped wire),
 * connections refused with the reason, copy/paste, groups, the levels editor, the template
 * gallery and the shortcuts overlay.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from './session';

describe('canvas tools', () => {
  let s: Session;

  beforeAll(async () => {
    s = await openSession('?template=tiny');
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterAll(async () => {
    await s.close();
  });

  it('validates params as you type and commits only valid values', async () => {
    await s.canvas.select('enc1');
    await s.inspector.set('filters', 'abc');
    expect(await s.inspector.error('filters').textContent()).toMatch(/not a number/);
    await s.inspector.set('filters', '0');
    expect(await s.inspector.error('filters').count()).toBe(1);
    expect(await s.canvas.shapeOf('enc1')).toBe('8×32×32');
    await s.inspector.set('filters', '12');
    expect(await s.inspector.error('filters').count()).toBe(0);
    expect(await s.canvas.shapeOf('enc1')).toBe('12×32×32');
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('undo').click();
    expect(await s.canvas.shapeOf('enc1')).toBe('8×32×32');
  });

  it('renames a node as you type, and undo brings the old name back in the inspector', async () => {
    await s.canvas.select('enc1');
    const name = s.inspector.field('name');
    const before = await name.inputValue();
    const onCanvas = s.canvas.node('enc1').locator('.layer-node-name');
    await name.fill('Encoder one');
    await expect.poll(() => onCanvas.textContent()).toBe('Encoder one');
    await s.page.keyboard.press('Escape');
    await s.page.getByTestId('undo').click();
    await expect.poll(() => onCanvas.textContent()).toBe(before || 'enc1');
    await s.canvas.select('enc1');
    expect(await name.inputValue()).toBe(before);
  });

  it('adds a node by double-clicking the canvas and searching', async () => {
    const box = await s.canvas.root().boundingBox();
    if (!box) throw new Error('no canvas');
    await s.page.mouse.dblclick(box.x + 60, box.y + box.height - 120);
    await s.page.getByTestId('search-add-input').fill('drop');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.canvas.nodeIds()).toContain('dropout1');
    await s.page.getByTestId('inspector-dropout1').waitFor();
  });

  it('continues a wire dropped in empty space with a node that takes it', async () => {
    const handle = await s.canvas
      .node('dropout1')
      .locator('.react-flow__handle.source')
      .boundingBox();
    if (!handle) throw new Error('no handle');
    const edges = await s.canvas.edgeCount();
    await s.page.mouse.move(handle.x + 4, handle.y + 4);
    await s.page.mouse.down();
    await s.page.mouse.move(handle.x + 160, handle.y - 40, { steps: 6 });
    await s.page.mouse.up();
    await s.page.getByTestId('search-add').waitFor();
    expect(await s.page.getByTestId('search-option-input').count()).toBe(0);
    await s.page.getByTestId('search-option-activation').click();
    await expect.poll(() => s.canvas.nodeIds()).toContain('activation1');
    expect(await s.canvas.edgeCount()).toBe(edges + 1);
    expect(await s.canvas.edgeLabel('dropout1-activation1').count()).toBe(0);
  });

  it('refuses a connection the compiler would reject and says why', async () => {
    const edges = await s.canvas.edgeCount();
    const from = await s.canvas
      .node('activation1')
      .locator('.react-flow__handle.source')
      .boundingBox();
    const to = await s.canvas.node('dropout1').locator('.react-flow__handle.target').boundingBox();
    if (!from || !to) throw new Error('no handles');
    await s.page.mouse.move(from.x + 4, from.y + 4);
    await s.page.mouse.down();
    await s.page.mouse.move(to.x + 4, to.y + 4, { steps: 8 });
    expect(await s.page.getByTestId('connection-hint').textContent()).toMatch(/cycle/);
    await s.page.mouse.up();
    expect(await s.canvas.edgeCount()).toBe(edges);
  });

  it('copies and pastes nodes with the links between them', async () => {
    await s.canvas.select('dropout1');
    await s.canvas
      .node('activation1')
      .locator('.layer-node-name')
      .click({ modifiers: ['Shift'] });
    const edges = await s.canvas.edgeCount();
    await s.page.keyboard.press('Control+C');
    await s.page.keyboard.press('Control+V');
    await expect
      .poll(() => s.canvas.nodeIds())
      .toEqual(expect.arrayContaining(['dropout1_2', 'activation1_2']));
    expect(await s.canvas.edgeCount()).toBe(edges + 1);
    await s.page.keyboard.press('Control+D');
    await expect
      .poll(() => s.canvas.nodeIds())
      .toEqual(expect.arrayContaining(['dropout1_3', 'activation1_3']));
    await s.page.keyboard.press('Delete');
    await expect.poll(() => s.canvas.nodeIds()).not.toContain('dropout1_3');
  });

  it('groups nodes into a block that collapses into one node and expands back', async () => {
    await s.canvas.select('enc1');
    await s.canvas
      .node('pool1')
      .locator('.layer-node-name')
      .click({ modifiers: ['Shift'] });
    await s.page.keyboard.press('Control+G');
    await s.page.getByTestId('frame-group1').waitFor();
    await s.page.getByTestId('collapse-group1').click();
    await s.page.getByTestId('node-block:group1').waitFor();
    expect(await s.canvas.nodeIds()).not.toContain('enc1');
    expect(await s.page.getByTestId('node-block:group1').textContent()).toMatch(/2 nodes/);
    expect(await s.canvas.edgeLabel('enc1-skip1.skip').textContent()).toBe('8×32×32');
    await s.page.getByTestId('expand-group1').click();
    await expect.poll(() => s.canvas.nodeIds()).toContain('enc1');
  });

  it('edits the levels of a ModelManager U-Net and regenerates it', async () => {
    await s.page.getByTestId('open-templates').click();
    await s.page.getByTestId('template-small').click();
    await s.canvas.showAll();
    await expect.poll(() => s.canvas.nodeIds()).toHaveLength(18);
    await s.page.getByTestId('open-levels').click();
    expect(await s.page.getByTestId('level-3').inputValue()).toBe('128');
    await s.page.getByTestId('add-level').click();
    await expect.poll(() => s.canvas.nodeIds()).toHaveLength(23);
    expect(await s.page.getByTestId('level-4').inputValue()).toBe('256');
    await s.page.getByTestId('level-0').fill('8');
    await expect.poll(() => s.canvas.shapeOf('enc1')).toBe('8×64×64');
    await s.page.getByTestId('remove-level-4').click();
    await expect.poll(() => s.canvas.nodeIds()).toHaveLength(18);
    await s.page.keyboard.press('Escape');
    await s.exportPanel.open();
    expect(await s.exportPanel.text('model-manager-python')).toContain('features=[8, 32, 64, 128]');
    await s.exportPanel.close();
  });

  it('zoomed out, draws nodes without texts, and shows up-to-date shapes on zooming back in', async () => {
    const input = (await s.canvas.nodeIds()).find((id) => id.startsWith('input')) ?? 'input';
    const size = s.page.getByTestId('totals-input-size');
    const before = await size.inputValue();
    await s.canvas.zoomOutBelow(0.4);
    await expect.poll(() => s.canvas.root().getAttribute('class')).toContain('canvas-coarse');
    expect(await s.page.getByTestId(`node-shape-${input}`).isVisible()).toBe(false);
    expect(await s.page.locator('[data-testid^="edge-label-"]').first().isVisible()).toBe(false);
    await size.fill('128 × 128');
    await s.page.keyboard.press('Escape');
    await s.canvas.root().click({ position: { x: 5, y: 5 } });
    await s.page.keyboard.press('f');
    await expect.poll(() => s.canvas.zoom()).toBeGreaterThanOrEqual(0.4);
    expect(await s.page.getByTestId(`node-shape-${input}`).isVisible()).toBe(true);
    expect(await s.canvas.shapeOf(input)).toMatch(/×128×128$/);
    await size.fill(before);
    expect(await s.canvas.shapeOf(input)).not.toMatch(/×128×128$/);
    await s.page.keyboard.press('Escape');
    await s.canvas.root().click({ position: { x: 5, y: 5 } });
  });

  it('lists the keyboard shortcuts', async () => {
    await s.page.keyboard.press('Shift+?');
    await s.page.getByTestId('help').waitFor();
    expect(await s.page.getByTestId('help').textContent()).toMatch(/Undo/);
    await s.page.keyboard.press('Escape');
    expect(await s.page.getByTestId('help').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });
});
