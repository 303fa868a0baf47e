import { compile, findTemplate } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { fromDesign } from '../flow/fromDesign';
import { deriveViews } from '../flow/views';
import { renderCanvasSvg } from './svgExport';

function exported(name: string): string {
  const design = findTemplate(name)?.build();
  if (!design) throw new Error(name);
  const compiled = compile(design);
  const views = deriveViews(compiled);
  const graph = fromDesign({
    design,
    compiled,
    views,
    selectedNodes: new Set(),
    selectedEdges: new Set(),
    measured: new Map(),
  });
  return renderCanvasSvg(graph, views, '{}', design.name);
}

function numbers(tag: string, names: string[]): number[] {
  return names.map((n) => Number(new RegExp(`\\b${n}="([-\\d.]+)"`).exec(tag)?.[1] ?? NaN));
}

describe('renderCanvasSvg', () => {
  it('draws wires as on the canvas, in level and upright segments, not loops', () => {
    const svg = exported('tiny');
    const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(paths.length).toBeGreaterThan(10);
    // Orthogonal segments with rounded (quadratic) corners only: no free-form curves.
    for (const d of paths) expect(d).not.toMatch(/[Cc]/);
  });

  it('puts shape labels on boxes that do not overlap each other', () => {
    const svg = exported('modelmanager-unet');
    const boxes = [...svg.matchAll(/<rect [^>]*height="16" rx="4"[^>]*>/g)].map((m) => {
      const [x, y, width, height] = numbers(m[0], ['x', 'y', 'width', 'height']);
      return { x: x ?? 0, y: y ?? 0, width: width ?? 0, height: height ?? 0 };
    });
    expect(boxes.length).toBeGreaterThan(20);
    const clash = boxes.some((a, i) =>
      boxes
        .slice(i + 1)
        .some(
          (b) =>
            a.x < b.x + b.width &&
            b.x < a.x + a.width &&
            a.y < b.y + b.height &&
            b.y < a.y + a.height,
        ),
    );
    expect(clash).toBe(false);
  });
});
