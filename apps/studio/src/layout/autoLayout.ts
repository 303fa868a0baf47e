/**
 * Auto-layout: the compiler's U layout for U-Net-shaped graphs (encoder down the left, bottleneck
 * at the bottom, decoder up the right), and elkjs's layered layout for everything else.
 */
import { layeredLayout, uLayout, type Design, type Layout } from '@unet-studio/compiler';
import type { ElkNode } from 'elkjs/lib/elk-api';

/** A node's size on screen, used to space the layered layout. */
export interface NodeSize {
  readonly width: number;
  readonly height: number;
}

const DEFAULT_SIZE: NodeSize = { width: 190, height: 96 };

type Positions = Layout['positions'];

function samePositions(a: Positions, b: Positions): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k]?.x === b[k]?.x && a[k]?.y === b[k]?.y);
}

/**
 * The U layout when the design has U-Net levels, else null. The compiler's U layout falls back to
 * its plain layered layout when levels do not pair up; that case is recognised here so that elkjs
 * (which also reduces crossings) lays it out instead.
 */
export function uShapedLayout(design: Design): Positions | null {
  if (design.model.nodes.length === 0) return null;
  const u = uLayout(design);
  return samePositions(u, layeredLayout(design)) ? null : u;
}

/** Lays the graph out left to right with elkjs's layered algorithm. */
export async function elkLayout(
  design: Design,
  sizes: ReadonlyMap<string, NodeSize> = new Map(),
): Promise<Positions> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const ids = new Set(design.model.nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '40',
    },
    children: design.model.nodes.map((n) => ({ id: n.id, ...(sizes.get(n.id) ?? DEFAULT_SIZE) })),
    edges: design.model.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const result = await new ELK().layout(graph);
  const positions: Positions = {};
  for (const child of result.children ?? []) {
    positions[child.id] = { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) };
  }
  return positions;
}

/** Positions for every node: the U layout for U-Nets, else elkjs's layered layout. */
export async function autoLayout(
  design: Design,
  sizes?: ReadonlyMap<string, NodeSize>,
): Promise<Positions> {
  return uShapedLayout(design) ?? (await elkLayout(design, sizes));
}
