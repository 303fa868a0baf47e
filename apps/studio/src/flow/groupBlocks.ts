/**
 * Groups on the canvas: an expanded group is a frame around its members; a collapsed group is one
 * block node standing for its members (which are hidden), with their totals and problems.
 */
import type { CompiledDesign, Design } from '@unet-studio/compiler';
import type { Size } from './fromDesign';
import { formatShape } from './formatShape';
import type { Problem } from './types';

/** A box relative to its frame's position. */
export interface FrameRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Where a group is drawn and what it sums up. */
export interface BlockInfo {
  readonly groupId: string;
  readonly name: string;
  readonly position: { readonly x: number; readonly y: number };
  readonly width: number;
  readonly height: number;
  readonly members: number;
  readonly params: number | null;
  readonly shape: string | null;
  readonly problems: readonly Problem[];
  /**
   * The frame's outline: one padded box per member, relative to `position`, so that a node lying
   * between members but outside the group is not drawn inside the frame.
   */
  readonly rects: readonly FrameRect[];
}

/** The groups of a design, split into frames and collapsed blocks. */
export interface GroupBlocks {
  readonly frames: readonly BlockInfo[];
  readonly collapsed: readonly BlockInfo[];
  /** Hidden node id → id of the collapsed group that hides it. */
  readonly memberOf: ReadonlyMap<string, string>;
}

/** Size assumed for a node not measured yet. */
const DEFAULT_SIZE: Size = { width: 180, height: 90 };
const PAD = 24;
const HEADER = 28;

/** Computes frames and blocks; nodes listed in a group but absent from the model are ignored. */
export function groupBlocks(
  design: Design,
  compiled: CompiledDesign | null,
  problemsOf: (id: string) => readonly Problem[],
  posOf: (id: string, index: number) => { x: number; y: number },
  measured: ReadonlyMap<string, Size>,
): GroupBlocks {
  const index = new Map(design.model.nodes.map((n, i) => [n.id, i]));
  const frames: BlockInfo[] = [];
  const collapsed: BlockInfo[] = [];
  const memberOf = new Map<string, string>();
  for (const g of design.layout.groups) {
    const ids = g.nodeIds.filter((id) => index.has(id) && !memberOf.has(id));
    if (ids.length === 0) continue;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    let params: number | null = 0;
    const groupProblems: Problem[] = [];
    const boxes: FrameRect[] = [];
    // A collapsed block takes its first member's place (top row first, then leftmost): a spot
    // where a node was, so the block never lands on a node outside the group.
    let anchor: { x: number; y: number } | null = null;
    for (const id of ids) {
      const p = posOf(id, index.get(id) ?? 0);
      const s = measured.get(id) ?? DEFAULT_SIZE;
      boxes.push({ x: p.x, y: p.y, width: s.width, height: s.height });
      if (!anchor || p.y < anchor.y || (p.y === anchor.y && p.x < anchor.x)) anchor = p;
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x + s.width);
      maxY = Math.max(maxY, p.y + s.height);
      const cost = compiled?.nodes[id]?.cost;
      params = cost && params !== null ? params + cost.trainable + cost.nonTrainable : null;
      groupProblems.push(...problemsOf(id));
    }
    const last = lastInOrder(ids, compiled);
    const lastShape = last ? compiled?.nodes[last]?.shape : null;
    const position = g.collapsed
      ? (anchor ?? { x: minX, y: minY })
      : { x: minX - PAD, y: minY - PAD - HEADER };
    const info: BlockInfo = {
      groupId: g.id,
      name: g.name,
      position,
      width: maxX - minX + 2 * PAD,
      height: maxY - minY + 2 * PAD + HEADER,
      members: ids.length,
      params,
      shape: lastShape ? formatShape(lastShape) : null,
      problems: groupProblems,
      rects: boxes.map((b) => ({
        x: b.x - PAD - position.x,
        y: b.y - PAD - HEADER - position.y,
        width: b.width + 2 * PAD,
        height: b.height + 2 * PAD + HEADER,
      })),
    };
    if (g.collapsed) {
      collapsed.push(info);
      for (const id of ids) memberOf.set(id, g.id);
    } else {
      frames.push(info);
    }
  }
  return { frames, collapsed, memberOf };
}

/** The member that comes last in topological order (the block's output), if known. */
function lastInOrder(ids: readonly string[], compiled: CompiledDesign | null): string | null {
  if (!compiled) return null;
  const set = new Set(ids);
  for (let i = compiled.order.length - 1; i >= 0; i--) {
    const id = compiled.order[i];
    if (id !== undefined && set.has(id)) return id;
  }
  return null;
}
