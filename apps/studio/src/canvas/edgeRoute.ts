/**
 * Orthogonal edge routing for the canvas and its image export. A wire leaves its source's output
 * port to the right and enters its target's input port from the left; in between it runs in
 * horizontal and vertical segments with rounded corners:
 * - forward (the target is to the right): one step half-way between the ports;
 * - long and level (a skip connection across a U-layout row): down into a lane under the row, so
 *   it does not run through the nodes between;
 * - backward (the target is to the left, as between U-layout rows): out, along the gap between
 *   the two nodes' rows, and in, so it never loops around its own source or target.
 * The label sits on the longest horizontal segment, clear of both ports.
 */

/** A point in canvas coordinates. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A routed edge: its SVG path, its corner points and where its label is centred. */
export interface Route {
  readonly path: string;
  readonly points: readonly Point[];
  readonly label: Point;
}

/** How far a wire runs straight out of a port before it turns. */
export const STUB = 20;
/** Widest edge label the routing keeps clear of ports (`64×284×284` at 11 px, with padding). */
export const LABEL_WIDTH = 84;
/** Vertical clearance under a node's port for a lane under its row. */
const LANE = 62;
/** Vertical distance under which two ports count as level. */
const LEVEL = 96;
/** A level wire longer than this crosses other nodes and takes a lane. */
const LONG = 300;
const RADIUS = 8;

function corner(a: Point, b: Point, c: Point): string {
  const r = Math.min(
    RADIUS,
    Math.hypot(b.x - a.x, b.y - a.y) / 2,
    Math.hypot(c.x - b.x, c.y - b.y) / 2,
  );
  const toward = (from: Point, to: Point): Point => {
    const d = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    return { x: from.x + ((to.x - from.x) / d) * r, y: from.y + ((to.y - from.y) / d) * r };
  };
  const p = toward(b, a);
  const q = toward(b, c);
  return `L${p.x},${p.y} Q${b.x},${b.y} ${q.x},${q.y}`;
}

/** The SVG path through `points` with rounded corners. */
export function roundedPath(points: readonly Point[]): string {
  const [first] = points;
  if (!first) return '';
  const parts = [`M${first.x},${first.y}`];
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1];
    const b = points[i];
    const c = points[i + 1];
    if (a && b && c) parts.push(corner(a, b, c));
  }
  const last = points[points.length - 1];
  if (last && points.length > 1) parts.push(`L${last.x},${last.y}`);
  return parts.join(' ');
}

function corners(s: Point, t: Point): Point[] {
  const level = Math.abs(t.y - s.y) < LEVEL;
  if (t.x >= s.x + 2 * STUB && !(level && t.x - s.x > LONG)) {
    if (s.y === t.y) return [s, t];
    const mid = (s.x + t.x) / 2;
    return [s, { x: mid, y: s.y }, { x: mid, y: t.y }, t];
  }
  const lane = level ? Math.max(s.y, t.y) + LANE : (s.y + t.y) / 2;
  const out = s.x + STUB;
  const into = t.x - STUB;
  return [s, { x: out, y: s.y }, { x: out, y: lane }, { x: into, y: lane }, { x: into, y: t.y }, t];
}

function labelPoint(points: readonly Point[], s: Point, t: Point): Point {
  let best: Point | null = null;
  let length = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (!a || !b || a.y !== b.y) continue;
    const l = Math.abs(b.x - a.x);
    if (l > length) {
      length = l;
      best = { x: (a.x + b.x) / 2, y: a.y };
    }
  }
  if (best && length >= LABEL_WIDTH + 2 * STUB) return best;
  return { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
}

/**
 * Routes a wire from a source port at `s` (facing right) to a target port at `t` (facing left).
 * @example routeEdge({ x: 180, y: 45 }, { x: 280, y: 45 }).path // 'M180,45 L280,45'
 */
export function routeEdge(s: Point, t: Point): Route {
  const points = corners(s, t);
  return { path: roundedPath(points), points, label: labelPoint(points, s, t) };
}
