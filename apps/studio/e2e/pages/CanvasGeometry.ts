/**
 * Page object: what the canvas looks like on screen, measured in screen pixels: the size of node
 * text, the boxes of edge labels and ports, the sampled geometry of edge paths and node boxes.
 */
import type { Page } from 'playwright-core';

/** A box on screen. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A labelled box on screen. */
export interface Named extends Box {
  readonly id: string;
}

/** True when two boxes share more than `slack` pixels in both directions. */
export function overlaps(a: Box, b: Box, slack = 0.5): boolean {
  return (
    Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > slack &&
    Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > slack
  );
}

/** Measures the canvas. */
export class CanvasGeometry {
  constructor(private readonly page: Page) {}

  /** The smallest on-screen size (px) of a node's text: computed font size × canvas zoom. */
  async smallestNodeText(): Promise<number> {
    return this.page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
      const zoom = Number(/scale\(([\d.]+)\)/.exec(viewport?.style.transform ?? '')?.[1] ?? NaN);
      const texts = document.querySelectorAll(
        '.layer-node-kind, .layer-node-name, .layer-node-shape, .layer-node-params',
      );
      let smallest = Infinity;
      for (const t of texts)
        smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize));
      return smallest * zoom;
    });
  }

  /** Boxes of the edge labels drawn, with whether their text is cut off. */
  async labels(): Promise<(Named & { clipped: boolean })[]> {
    return this.page.locator('[data-testid^="edge-label-"]').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return {
          id: e.getAttribute('data-testid') ?? '',
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
          clipped: e.scrollWidth > e.clientWidth + 1,
        };
      }),
    );
  }

  /** Boxes of the ports (handles) drawn. */
  async ports(): Promise<Named[]> {
    return this.page.locator('.react-flow__handle').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        const node = e.closest('.react-flow__node')?.getAttribute('data-id') ?? '';
        return {
          id: `${node}.${e.getAttribute('data-handleid') ?? ''}`,
          x: r.x,
          y: r.y,
          width: r.width,
          height: r.height,
        };
      }),
    );
  }

  /** Boxes of the layer nodes drawn, by design id. */
  async nodes(): Promise<Named[]> {
    return this.page.locator('[data-testid^="node-"][data-kind]').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        const id = (e.getAttribute('data-testid') ?? '').slice('node-'.length);
        return { id, x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
  }

  /** Each edge path drawn, as points on screen every ~4 px along it. */
  async paths(): Promise<{ id: string; points: { x: number; y: number }[] }[]> {
    return this.page.locator('.react-flow__edge').evaluateAll((groups) =>
      groups.flatMap((g) => {
        const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
        const ctm = path?.getScreenCTM();
        if (!path || !ctm) return [];
        const length = path.getTotalLength();
        const points: { x: number; y: number }[] = [];
        for (let l = 0; l <= length; l += 4) {
          const p = path.getPointAtLength(l);
          points.push({
            x: ctm.a * p.x + ctm.c * p.y + ctm.e,
            y: ctm.b * p.x + ctm.d * p.y + ctm.f,
          });
        }
        return [{ id: g.getAttribute('data-id') ?? '', points }];
      }),
    );
  }
}
