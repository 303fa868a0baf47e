import { describe, expect, it } from 'vitest';
import {
  addNode,
  connect,
  removeElements,
  renameNode,
  setNodeParams,
  setPositions,
} from './designEdits';
import { groupNodes, moveGroup, renameGroup, setGroupCollapsed, ungroup } from './groupEdits';
import { chainDesign } from './testDesign';

describe('design edits', () => {
  it('adds nodes with fresh readable ids and default params', () => {
    const { design, id } = addNode(chainDesign(), 'conv', { x: 10, y: 20 });
    expect(id).toBe('conv1');
    const node = design.model.nodes.find((n) => n.id === id);
    expect(node?.kind === 'conv' && node.params.filters).toBe(64);
    expect(design.layout.positions[id]).toEqual({ x: 10, y: 20 });
    expect(addNode(design, 'conv', { x: 0, y: 0 }).id).toBe('conv2');
  });

  it('connects ports with unique edge ids', () => {
    let d = chainDesign();
    const a = connect(d, { source: 'mid', sourcePort: 'out', target: 'dec1', targetPort: 'in' });
    d = a.design;
    const b = connect(d, { source: 'mid', sourcePort: 'out', target: 'dec1', targetPort: 'in' });
    expect(a.id).toBe('mid-dec1');
    expect(b.id).toBe('mid-dec1_2');
    expect(b.design.model.edges.at(-1)).toMatchObject({
      source: 'mid',
      target: 'dec1',
      targetPort: 'in',
    });
  });

  it('removes nodes with their edges, positions and group memberships', () => {
    let d = groupNodes(chainDesign(), ['enc1', 'pool1'], 'Level 1').design;
    d = removeElements(d, ['enc1']);
    expect(d.model.nodes.some((n) => n.id === 'enc1')).toBe(false);
    expect(d.model.edges.some((e) => e.source === 'enc1' || e.target === 'enc1')).toBe(false);
    expect(d.layout.positions.enc1).toBeUndefined();
    expect(d.layout.groups[0]?.nodeIds).toEqual(['pool1']);
    d = removeElements(d, [], ['e3']);
    expect(d.model.edges.some((e) => e.id === 'e3')).toBe(false);
    expect(removeElements(d, ['nope'])).toBe(d);
  });

  it('sets params only when they are valid for the kind', () => {
    const d = chainDesign();
    const ok = setNodeParams(d, 'enc1', { filters: 32 });
    const node = ok.model.nodes.find((n) => n.id === 'enc1');
    expect(node?.kind === 'conv' && node.params.filters).toBe(32);
    expect(setNodeParams(d, 'enc1', { filters: -1 })).toBe(d);
    expect(renameNode(d, 'enc1', '  Encoder 1 ').model.nodes[1]?.name).toBe('Encoder 1');
  });

  it('moves nodes and groups, and ignores unknown ids', () => {
    let d = setPositions(chainDesign(), { enc1: { x: 1, y: 2 }, ghost: { x: 0, y: 0 } });
    expect(d.layout.positions.enc1).toEqual({ x: 1, y: 2 });
    expect(d.layout.positions.ghost).toBeUndefined();
    const g = groupNodes(d, ['enc1', 'pool1'], 'Level 1');
    d = moveGroup(g.design, g.id ?? '', { x: 10, y: 10 });
    expect(d.layout.positions.enc1).toEqual({ x: 11, y: 12 });
    expect(d.layout.positions.pool1).toEqual({ x: 410, y: 10 });
  });

  it('collapses, renames and dissolves groups', () => {
    const g = groupNodes(chainDesign(), ['enc1', 'pool1', 'ghost'], ' Encoder ');
    expect(g.design.layout.groups[0]).toMatchObject({
      name: 'Encoder',
      nodeIds: ['enc1', 'pool1'],
    });
    const id = g.id ?? '';
    let d = setGroupCollapsed(g.design, id, true);
    expect(d.layout.groups[0]?.collapsed).toBe(true);
    d = renameGroup(d, id, 'Level 1');
    expect(d.layout.groups[0]?.name).toBe('Level 1');
    expect(ungroup(d, id).layout.groups).toHaveLength(0);
    expect(d.model).toBe(g.design.model);
  });
});
