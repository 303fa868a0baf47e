/**
 * U layout: places a design's nodes as the letter U. Encoder levels go down the left, the
 * bottleneck sits at the bottom, decoder levels go up the right, and a skip merge sits on the same
 * row as the encoder level it reads from, so skip edges run horizontally.
 *
 * Levels are found by pairing: along each node's main input, a pool (or a strided conv) goes one
 * level down and an upconv one level up. A node is on the decoder side once an upconv is among its
 * main-path ancestors. Graphs that do not pair up (no pooling, a level below the top) fall back to
 * a layered layout: columns by longest path from the sources (Sugiyama's first phase, without
 * crossing reduction).
 */
import type { Design, DesignNode, Layout } from '../design/schema';
import { layeredLayout, mainInputs, topologicalNodes } from './layered';

/** Spacing of the U layout, in canvas pixels: `dx` leaves room between nodes for a shape label. */
export const U_LAYOUT_SPACING = { dx: 280, dy: 170, indent: 120, gap: 240 } as const;

type Side = 'enc' | 'bottom' | 'dec';

function levelStep(node: DesignNode): number {
  if (node.kind === 'pool') return 1;
  if (node.kind === 'upconv') return -1;
  if (node.kind === 'conv') {
    const stride = node.params.stride;
    const strided = typeof stride === 'number' ? stride > 1 : stride.some((s) => s > 1);
    return strided ? 1 : 0;
  }
  return 0;
}

/**
 * Computes canvas positions for every node of `design`.
 * @returns positions by node id (`Layout['positions']`).
 */
export function uLayout(design: Design): Layout['positions'] {
  const order = topologicalNodes(design);
  const main = mainInputs(design);
  const level = new Map<string, number>();
  const decoder = new Map<string, boolean>();
  for (const node of order) {
    const source = main.get(node.id);
    const base = source === undefined ? 0 : (level.get(source) ?? 0);
    level.set(node.id, base + levelStep(node));
    const after = source === undefined ? false : (decoder.get(source) ?? false);
    decoder.set(node.id, after || node.kind === 'upconv');
  }
  const levels = [...level.values()];
  const deepest = Math.max(0, ...levels);
  if (deepest === 0 || levels.some((l) => l < 0)) return layeredLayout(design);

  const rows = new Map<string, string[]>();
  const rowOf = (side: Side, l: number): string[] => {
    const key = `${side}:${l}`;
    const row = rows.get(key) ?? [];
    rows.set(key, row);
    return row;
  };
  for (const node of order) {
    const l = level.get(node.id) ?? 0;
    const side: Side = decoder.get(node.id) ? 'dec' : l === deepest ? 'bottom' : 'enc';
    rowOf(side, l).push(node.id);
  }
  const { dx, dy, indent, gap } = U_LAYOUT_SPACING;
  let width = 0;
  for (let l = 0; l <= deepest; l++) {
    const enc = Math.max(0, rowOf('enc', l).length - 1) * dx;
    const dec = Math.max(0, rowOf('dec', l).length - 1) * dx;
    width = Math.max(
      width,
      2 * l * indent + enc + dec + gap,
      2 * l * indent + rowOf('bottom', l).length * dx,
    );
  }
  const positions: Layout['positions'] = {};
  for (let l = 0; l <= deepest; l++) {
    const y = l * dy;
    rowOf('enc', l).forEach((id, i) => (positions[id] = { x: l * indent + i * dx, y }));
    const dec = rowOf('dec', l);
    dec.forEach(
      (id, i) => (positions[id] = { x: width - l * indent - (dec.length - 1 - i) * dx, y }),
    );
    const bottom = rowOf('bottom', l);
    const start = Math.round((width - (bottom.length - 1) * dx) / 2);
    bottom.forEach((id, i) => (positions[id] = { x: start + i * dx, y }));
  }
  return positions;
}
