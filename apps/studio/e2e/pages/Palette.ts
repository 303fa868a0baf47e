/**
 * Page object: the node palette.
 */
import type { Page } from 'playwright-core';
import type { Canvas } from './Canvas';

/** Drags node kinds from the palette onto the canvas. */
export class Palette {
  constructor(
    private readonly page: Page,
    private readonly canvas: Canvas,
  ) {}

  /** The palette item of `kind`. */
  item(kind: string) {
    return this.page.getByTestId(`palette-${kind}`);
  }

  /** Drags `kind` onto the canvas at (x, y) relative to the canvas's top-left; returns the new node id. */
  async drop(kind: string, x: number, y: number): Promise<string> {
    const before = new Set(await this.canvas.nodeIds());
    await this.item(kind).dragTo(this.canvas.root(), { targetPosition: { x, y } });
    const after = await this.canvas.nodeIds();
    const added = after.filter((id) => !before.has(id));
    if (added.length !== 1 || !added[0])
      throw new Error(`dropping ${kind} added ${added.length} nodes`);
    return added[0];
  }

  /** Types into the palette search. */
  async search(query: string): Promise<void> {
    await this.page.getByTestId('palette-search').fill(query);
  }
}
