import { describe, expect, it } from 'vitest';
import { LABEL_WIDTH, routeEdge, type Point } from './edgeRoute';

/** Node boxes 180×84 whose output port is at `port` (the middle of the right side). */
function boxBehind(port: Point) {
  return { x: port.x - 180, y: port.y - 42, width: 180, height: 84 };
}
function boxAhead(port: Point) {
  return { x: port.x, y: port.y - 42, width: 180, height: 84 };
}
function crosses(
  points: readonly Point[],
  b: { x: number; y: number; width: number; height: number },
) {
  // Every segment is horizontal or vertical: sample it.
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const c = points[i]!;
    for (let k = 1; k < 20; k++) {
      const x = a.x + ((c.x - a.x) * k) / 20;
      const y = a.y + ((c.y - a.y) * k) / 20;
      if (x > b.x + 1 && x < b.x + b.width - 1 && y > b.y + 1 && y < b.y + b.height - 1)
        return true;
    }
  }
  return false;
}

describe('routeEdge', () => {
  it('draws a level forward wire straight, labelled half-way', () => {
    const r = routeEdge({ x: 180, y: 45 }, { x: 280, y: 45 });
    expect(r.path).toBe('M180,45 L280,45');
    expect(r.label).toEqual({ x: 230, y: 45 });
  });

  it('takes a backward wire (down a U-layout row) through the gap without crossing its nodes', () => {
    const s = { x: 1020, y: 42 };
    const t = { x: 120, y: 212 };
    const r = routeEdge(s, t);
    expect(crosses(r.points, boxBehind(s))).toBe(false);
    expect(crosses(r.points, boxAhead(t))).toBe(false);
    expect(r.label.y).toBeCloseTo(127);
  });

  it('runs a long level wire in a lane under the nodes between, labelled on the lane', () => {
    const s = { x: 460, y: 42 };
    const t = { x: 2000, y: 28 };
    const r = routeEdge(s, t);
    const between = { x: 560, y: 0, width: 180, height: 84 };
    expect(crosses(r.points, between)).toBe(false);
    expect(r.label.y).toBeGreaterThan(84);
  });

  it('keeps a label on a short wire clear of both ports', () => {
    const r = routeEdge({ x: 180, y: 42 }, { x: 280, y: 56 });
    expect(r.label.x - LABEL_WIDTH / 2).toBeGreaterThan(180 + 5);
    expect(r.label.x + LABEL_WIDTH / 2).toBeLessThan(280 - 5);
  });
});
