import { compile } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { renameNode, setNodeParams, setPositions } from '../state/designEdits';
import { groupNodes, setGroupCollapsed } from '../state/groupEdits';
import { chainDesign } from '../state/testDesign';
import { fromDesign, sameCanvas, type FlowInputs } from './fromDesign';
import { applyNodeChanges, toDesign } from './toDesign';
import { isLayerNode } from './types';
import { deriveViews, NO_VIEWS } from './views';

function inputs(over: Partial<FlowInputs> = {}): FlowInputs {
  return {
    design: chainDesign(),
    compiled: null,
    views: NO_VIEWS,
    selectedNodes: new Set(),
    selectedEdges: new Set(),
    measured: new Map(),
    ...over,
  };
}

describe('fromDesign / toDesign', () => {
  it('makes one canvas node per design node and one edge per design edge', () => {
    const g = fromDesign(inputs());
    expect(g.nodes.map((n) => n.id)).toEqual(chainDesign().model.nodes.map((n) => n.id));
    expect(g.nodes[1]).toMatchObject({ type: 'conv', position: { x: 200, y: 0 } });
    expect(g.edges.find((e) => e.id === 'e6')).toMatchObject({
      source: 'enc1',
      target: 'skip1',
      targetHandle: 'skip',
    });
  });

  it('keeps every node and edge object when only the compilation changes', () => {
    const d = chainDesign();
    const first = fromDesign(inputs({ design: d }));
    const compiled = compile(d);
    const second = fromDesign(inputs({ design: d, compiled, views: deriveViews(compiled) }), first);
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);
  });

  it('gives a collapsed block the totals, shape and problems of its members', () => {
    const d = setGroupCollapsed(
      groupNodes(setNodeParams(chainDesign(), 'enc1', { filters: 8 }), ['enc1', 'pool1'], 'L1')
        .design,
      'group1',
      true,
    );
    const compiled = compile(d);
    const views = deriveViews(compiled);
    const g = fromDesign(inputs({ design: d, compiled, views }));
    const block = g.nodes.find((n) => n.id === 'block:group1');
    expect(block?.data).toMatchObject({
      members: 2,
      shape: views.nodes.get('pool1')?.shape,
      params: views.nodes.get('enc1')?.params,
    });
  });

  it('keeps unchanged nodes as the same objects', () => {
    const base = chainDesign();
    const first = fromDesign(inputs({ design: base }));
    const moved = setPositions(base, { mid: { x: 5, y: 5 } });
    const second = fromDesign(inputs({ design: moved }), first);
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['mid']);
    expect(second.edges.every((e, i) => e === first.edges[i])).toBe(true);
    const edited = fromDesign(inputs({ design: renameNode(moved, 'dec1', 'Decoder') }), second);
    expect(edited.nodes.filter((n, i) => n !== second.nodes[i]).map((n) => n.id)).toEqual(['dec1']);
  });

  it('tells when a new design draws the same canvas', () => {
    const base = inputs();
    const d = base.design;
    const drawn = (design: typeof d): boolean => sameCanvas(base, { ...base, design });
    expect(drawn(setNodeParams(d, 'mid', { filters: 8 }))).toBe(true);
    expect(drawn(renameNode(d, 'mid', 'Bottom'))).toBe(false);
    expect(drawn(setPositions(d, { mid: { x: 1, y: 1 } }))).toBe(false);
    expect(sameCanvas(base, { ...base, selectedNodes: new Set(['mid']) })).toBe(false);
    expect(sameCanvas(base, { ...base, compiled: compile(d) })).toBe(true);
    // A collapsed block shows compiled totals, so a new compilation redraws it.
    const grouped = setGroupCollapsed(
      groupNodes(d, ['enc1', 'pool1'], 'L1').design,
      'group1',
      true,
    );
    const g = { ...base, design: grouped, compiled: compile(grouped) };
    expect(sameCanvas(g, { ...g, compiled: compile(grouped) })).toBe(false);
  });

  it('round-trips: toDesign(fromDesign(d)) is d', () => {
    const d = chainDesign();
    expect(toDesign(fromDesign(inputs({ design: d })), d)).toEqual(d);
    const grouped = setGroupCollapsed(
      groupNodes(d, ['enc1', 'pool1'], 'L1').design,
      'group1',
      true,
    );
    expect(toDesign(fromDesign(inputs({ design: grouped })), grouped)).toEqual(grouped);
  });

  it('deep-copies, so changing the result never touches the design it came from', () => {
    const d = chainDesign();
    const g = fromDesign(inputs({ design: d }));
    const out = toDesign(g, d);
    const conv = out.model.nodes[1];
    if (conv?.kind === 'conv') conv.params.filters = 1;
    const original = d.model.nodes[1];
    expect(original?.kind === 'conv' && original.params.filters).toBe(64);
  });

  it('draws a node by its kind and name only, so editing its params keeps the canvas node', () => {
    const d = chainDesign();
    const first = fromDesign(inputs({ design: d }));
    const second = fromDesign(inputs({ design: setNodeParams(d, 'mid', { filters: 8 }) }), first);
    expect(second.nodes).toBe(first.nodes);
    const renamed = fromDesign(inputs({ design: renameNode(d, 'mid', 'Bottom') }), second);
    const mid = renamed.nodes.find((n) => n.id === 'mid');
    expect(mid && isLayerNode(mid) && mid.data).toEqual({ kind: 'conv', name: 'Bottom' });
  });

  it('draws a collapsed group as one block, rerouting the edges that cross it', () => {
    const d = setGroupCollapsed(
      groupNodes(chainDesign(), ['enc1', 'pool1'], 'Level 1').design,
      'group1',
      true,
    );
    const g = fromDesign(inputs({ design: d }));
    const block = g.nodes.find((n) => n.type === 'block');
    expect(block).toMatchObject({
      id: 'block:group1',
      data: { name: 'Level 1', members: 2 },
      position: { x: 200, y: 0 },
    });
    expect(g.nodes.filter((n) => n.hidden).map((n) => n.id)).toEqual(['enc1', 'pool1']);
    expect(g.edges.some((e) => e.id === 'e2')).toBe(false);
    expect(g.edges.find((e) => e.id === 'e6')).toMatchObject({
      source: 'block:group1',
      target: 'skip1',
    });
  });

  it('turns drag ticks into position changes and a drag end', () => {
    const d = chainDesign();
    const g = fromDesign(inputs({ design: d }));
    const tick = applyNodeChanges(
      d,
      [{ type: 'position', id: 'mid', position: { x: 7, y: 8 }, dragging: true }],
      g,
    );
    expect(tick).toMatchObject({ dragging: true, dragEnded: false });
    expect(tick.design.layout.positions.mid).toEqual({ x: 7, y: 8 });
    const end = applyNodeChanges(
      tick.design,
      [{ type: 'position', id: 'mid', dragging: false }],
      g,
    );
    expect(end).toMatchObject({ dragging: false, dragEnded: true });
    const sel = applyNodeChanges(d, [{ type: 'select', id: 'mid', selected: true }], g);
    expect(sel.design).toBe(d);
    expect([...sel.selection]).toEqual([['mid', true]]);
  });
});
