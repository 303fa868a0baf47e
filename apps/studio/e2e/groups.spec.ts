/**
 * Groups as a user sees them: after grouping, the inspector shows the new block (not the offer to
 * group again); the frame surrounds only its members; a collapsed block never lands on another
 * node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CanvasGeometry, overlaps, type Box } from './pages/CanvasGeometry';
import { openSession, type Session } from './session';

async function boxesOf(s: Session, selector: string): Promise<Box[]> {
  return s.page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

describe('groups', () => {
  let s: Session;

  beforeAll(async () => {
    // Encoder 1 (top row, right of the input) and Pool 1 (the row below, under the input's
    // right half): the box around both would take in part of the input.
    s = await openSession('?template=tiny');
    await s.canvas.select('enc1');
    await s.canvas
      .node('pool1')
      .locator('.layer-node-name')
      .click({ modifiers: ['Shift'] });
    await s.page.getByTestId('group-selection').click();
    await s.page.getByTestId('frame-group1').waitFor();
  });
  afterAll(async () => {
    await s.close();
  });

  it('shows the new block in the inspector once the nodes are grouped', async () => {
    const inspector = s.page.getByTestId('inspector');
    await expect.poll(() => inspector.textContent()).toMatch(/Block 1 · 2 nodes/);
    expect(await inspector.textContent()).not.toMatch(/Group into a block/);
    expect(await s.page.getByTestId('group-selection').count()).toBe(0);
  });

  it('frames only the members of the group', async () => {
    // What is drawn as the frame: its outline's parts, or the whole frame when it has none.
    const outline = await boxesOf(s, '[data-testid="frame-part-group1"]');
    const parts = outline.length > 0 ? outline : await boxesOf(s, '[data-testid="frame-group1"]');
    expect(parts.length).toBeGreaterThan(0);
    const others = (await new CanvasGeometry(s.page).nodes()).filter(
      (n) => n.id !== 'enc1' && n.id !== 'pool1',
    );
    expect(others.map((n) => n.id)).toContain('input');
    const inside = others.filter((n) => parts.some((p) => overlaps(p, n))).map((n) => n.id);
    expect(inside).toEqual([]);
  });

  it('draws a collapsed block clear of every other node', async () => {
    await s.page.getByTestId('collapse-group1').click();
    const [block] = await boxesOf(s, '[data-testid="node-block:group1"]');
    if (!block) throw new Error('the collapsed block is not drawn');
    const nodes = await new CanvasGeometry(s.page).nodes();
    expect(nodes.map((n) => n.id)).toContain('input');
    expect(nodes.filter((n) => overlaps(n, block)).map((n) => n.id)).toEqual([]);
    await s.page.getByTestId('expand-group1').click();
    await expect.poll(() => s.canvas.nodeIds()).toContain('enc1');
  });
});
