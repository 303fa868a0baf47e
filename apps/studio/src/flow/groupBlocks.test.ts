import { describe, expect, it } from 'vitest';
import { setPositions } from '../state/designEdits';
import { groupNodes, setGroupCollapsed } from '../state/groupEdits';
import { chainDesign } from '../state/testDesign';
import { groupBlocks } from './groupBlocks';

const SIZE = { width: 180, height: 90 };

/** Two members on two rows, and a non-member placed between them (as in a U layout). */
function staggered() {
  const laid = setPositions(chainDesign(), {
    input: { x: 0, y: 0 },
    enc1: { x: 280, y: 0 },
    pool1: { x: 120, y: 170 },
  });
  return groupNodes(laid, ['enc1', 'pool1'], 'Level 1').design;
}

function blocks(design: ReturnType<typeof staggered>) {
  const measured = new Map(design.model.nodes.map((n) => [n.id, SIZE]));
  const pos = (id: string) => design.layout.positions[id] ?? { x: 0, y: 0 };
  return groupBlocks(design, null, () => [], pos, measured);
}

function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('groupBlocks', () => {
  it('outlines a frame by its members only, leaving a node between them outside', () => {
    const design = staggered();
    expect(design.model.nodes.map((n) => n.id)).toContain('input');
    const [frame] = blocks(design).frames;
    if (!frame) throw new Error('no frame');
    const parts = frame.rects.map((r) => ({
      ...r,
      x: r.x + frame.position.x,
      y: r.y + frame.position.y,
    }));
    expect(parts).toHaveLength(2);
    const input = { x: 0, y: 0, ...SIZE };
    expect(parts.some((p) => overlaps(p, input))).toBe(false);
    for (const id of ['enc1', 'pool1']) {
      const p = design.layout.positions[id];
      if (!p) throw new Error(id);
      expect(parts.some((r) => r.x < p.x && r.y < p.y && r.x + r.width > p.x + SIZE.width)).toBe(
        true,
      );
    }
  });

  it('puts a collapsed block at its top-left member, never on a node outside the group', () => {
    const design = setGroupCollapsed(staggered(), 'group1', true);
    const [block] = blocks(design).collapsed;
    expect(block?.position).toEqual({ x: 280, y: 0 });
    if (!block) throw new Error('no block');
    expect(overlaps({ ...block.position, ...SIZE }, { x: 0, y: 0, ...SIZE })).toBe(false);
  });
});
