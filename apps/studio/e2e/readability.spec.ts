/**
 * What a newcomer sees on a 1440×900 window: the gallery's cards with thumbnails, templates opening
 * at a zoom where node text is readable, edge labels clear of ports and of each other, U-layout
 * wires that never loop around their own nodes, and groups that frame only their members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CanvasGeometry, overlaps, type Box } from './pages/CanvasGeometry';
import { Gallery } from './pages/Gallery';
import { openSession, type Session } from './session';

const TEMPLATES = [
  'modelmanager-unet',
  'heliaedge-1d',
  'basic-pytorch-unet',
  'carvana',
  'original-unet',
  'small',
  'tiny',
] as const;

/** Shrinks a box by `by` pixels on every side. */
function inset(b: Box, by: number): Box {
  return { x: b.x + by, y: b.y + by, width: b.width - 2 * by, height: b.height - 2 * by };
}

function inside(p: { x: number; y: number }, b: Box): boolean {
  return p.x > b.x && p.x < b.x + b.width && p.y > b.y && p.y < b.y + b.height;
}

describe('a readable canvas', () => {
  let s: Session;
  let geometry: CanvasGeometry;

  beforeAll(async () => {
    s = await openSession('?template=tiny');
    geometry = new CanvasGeometry(s.page);
  });
  afterAll(async () => {
    await s.close();
  });

  async function open(name: string): Promise<void> {
    await s.page.goto(s.url(`?template=${name}`));
    await s.page.locator('[data-testid="app"][data-ready="true"]').waitFor();
    await s.page.locator('[data-testid^="edge-label-"]').first().waitFor();
  }

  it('shows every template in the gallery as a card with a thumbnail and no overflowing text', async () => {
    const gallery = new Gallery(s.page);
    await gallery.open();
    for (const name of TEMPLATES) {
      const card = gallery.card(name);
      await expect.poll(() => card.locator('svg, img').count()).toBeGreaterThan(0);
      const text = (await card.textContent()) ?? '';
      expect(text).toMatch(/params/);
      expect(text).toMatch(/\d+\s*×\s*\d+|\d+ samples/);
      expect(text).not.toMatch(/seed \d|github|milesial|zhixuhao|ModelManager|heliaEDGE/i);
    }
    expect(await gallery.overflowing()).toEqual([]);
    await gallery.card('tiny').click();
    await expect.poll(() => s.canvas.nodeIds()).toContain('enc1');
  });

  for (const name of TEMPLATES) {
    it(`opens ${name} with node text of at least 11 px and labels clear of ports and each other`, async () => {
      await open(name);
      expect(await geometry.smallestNodeText()).toBeGreaterThanOrEqual(11);
      // On a screen large enough for the whole design at a readable zoom, every label is drawn.
      await s.page.setViewportSize({ width: 4200, height: 2600 });
      await s.page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
      await s.page.keyboard.press('f');
      await expect.poll(() => s.canvas.zoom()).toBeGreaterThanOrEqual(0.92);
      await expect
        .poll(async () => (await geometry.labels()).length)
        .toBe(await s.canvas.edgeCount());
      const labels = await geometry.labels();
      const ports = await geometry.ports();
      expect(labels.length).toBeGreaterThan(0);
      const onPorts = labels.flatMap((l) =>
        ports.filter((p) => overlaps(l, p)).map((p) => `${l.id} covers ${p.id}`),
      );
      const onLabels = labels.flatMap((a, i) =>
        labels
          .slice(i + 1)
          .filter((b) => overlaps(a, b))
          .map((b) => `${a.id} covers ${b.id}`),
      );
      expect(onPorts).toEqual([]);
      expect(onLabels).toEqual([]);
      expect(labels.filter((l) => l.clipped).map((l) => l.id)).toEqual([]);
      await s.page.setViewportSize({ width: 1440, height: 900 });
    });
  }

  it('routes U-layout wires without looping around their own source or target node', async () => {
    for (const name of ['modelmanager-unet', 'small'] as const) {
      await open(name);
      await s.page.locator('.react-flow__controls-fitview').click();
      await s.page.waitForTimeout(100);
      const nodes = await geometry.nodes();
      const paths = await geometry.paths();
      expect(paths.length).toBeGreaterThan(10);
      const loops: string[] = [];
      for (const { id, points } of paths) {
        const ends = [points[0], points[points.length - 1]];
        // A wire's own nodes: the boxes its two ends touch.
        const own = nodes.filter((n) =>
          ends.some(
            (p) =>
              p &&
              inside(p, {
                ...n,
                x: n.x - 8,
                y: n.y - 8,
                width: n.width + 16,
                height: n.height + 16,
              }),
          ),
        );
        const middle = points.slice(3, -3);
        for (const n of own) {
          if (middle.some((p) => inside(p, inset(n, 2))))
            loops.push(`${name}: ${id} crosses ${n.id}`);
        }
      }
      expect(loops).toEqual([]);
    }
  });
});
