/**
 * Page object: the canvas (nodes, edges, wiring, shape labels, badges).
 */
import type { Locator, Page } from 'playwright-core';

/** Reads and drives the React Flow canvas. */
export class Canvas {
  constructor(private readonly page: Page) {}

  /** The canvas element. */
  root(): Locator {
    return this.page.getByTestId('canvas');
  }

  /** A node by design id. */
  node(id: string): Locator {
    return this.page.getByTestId(`node-${id}`);
  }

  /** Ids of every layer node drawn on the canvas. */
  async nodeIds(): Promise<string[]> {
    const ids = await this.page
      .locator('[data-testid^="node-"][data-kind]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
    return ids.map((t) => t.slice('node-'.length));
  }

  /** The output shape shown on a node. */
  async shapeOf(id: string): Promise<string> {
    return (await this.page.getByTestId(`node-shape-${id}`).textContent()) ?? '';
  }

  /** The shape label of an edge. */
  edgeLabel(edgeId: string): Locator {
    return this.page.getByTestId(`edge-label-${edgeId}`);
  }

  /** Every edge's shape label text. */
  async edgeLabels(): Promise<string[]> {
    return this.page.locator('[data-testid^="edge-label-"]').allTextContents();
  }

  /** The problem badge of a node. */
  badge(id: string): Locator {
    return this.page.getByTestId(`node-badge-${id}`);
  }

  private handle(nodeId: string, port: string, type: 'source' | 'target'): Locator {
    return this.node(nodeId).locator(`.react-flow__handle.${type}[data-handleid="${port}"]`);
  }

  /** Drags a wire from `source`'s output to `target`'s input `port`. */
  async connect(source: string, target: string, port = 'in'): Promise<void> {
    const from = await this.handle(source, 'out', 'source').boundingBox();
    const to = await this.handle(target, port, 'target').boundingBox();
    if (!from || !to) throw new Error(`handles of ${source} → ${target}.${port} are not visible`);
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Selects a node by clicking its name. */
  async select(id: string): Promise<void> {
    await this.node(id).locator('.layer-node-name').click();
  }

  /** Number of edges drawn. */
  async edgeCount(): Promise<number> {
    return this.page.locator('.react-flow__edge').count();
  }

  /** The canvas zoom (1 = 100 %). */
  async zoom(): Promise<number> {
    const transform = await this.page
      .locator('.react-flow__viewport')
      .evaluate((e) => (e as HTMLElement).style.transform);
    return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? NaN);
  }

  /** Shows the whole design with the zoom controls' fit button (a design opens around its input). */
  async showAll(): Promise<void> {
    await this.page.locator('.react-flow__controls-fitview').click();
    await this.settled();
  }

  /** Waits until the viewport stops moving (fit and zoom animate), so positions read stay true. */
  async settled(): Promise<void> {
    const transform = () =>
      this.page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
    let last = await transform();
    for (let i = 0; i < 50; i++) {
      await this.page.waitForTimeout(100);
      const now = await transform();
      if (now === last) return;
      last = now;
    }
    throw new Error('the canvas viewport kept moving for 5 s');
  }

  /** Zooms out with the zoom controls until the zoom is below `zoom`. */
  async zoomOutBelow(zoom: number): Promise<void> {
    for (let i = 0; i < 30 && (await this.zoom()) >= zoom; i++) {
      await this.page.locator('.react-flow__controls-zoomout').click();
      await this.page.waitForTimeout(50);
    }
    if ((await this.zoom()) >= zoom) throw new Error(`the canvas did not zoom out below ${zoom}`);
  }
}
