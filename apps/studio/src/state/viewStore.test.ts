import { describe, expect, it } from 'vitest';
import { UNKNOWN_NODE } from '../flow/views';
import { setNodeParams, setPositions } from './designEdits';
import { createDesignStore } from './designStore';
import { chainDesign } from './testDesign';
import { createUiStore } from './uiStore';
import { createViewStore, type ViewPart } from './viewStore';

/** A view store over the chain design, with a listener per node for `part`, counting calls. */
function setup(part: ViewPart = 'view') {
  const design = createDesignStore(chainDesign());
  const ui = createUiStore();
  const views = createViewStore(design, ui);
  const calls = new Map<string, number>();
  const ids = design.getState().design.model.nodes.map((n) => n.id);
  const stops = ids.map((id) =>
    views.subscribeNode(id, () => calls.set(id, (calls.get(id) ?? 0) + 1), part),
  );
  const called = (): string[] => [...calls.keys()].sort();
  return { design, ui, views, calls, called, stops };
}

function inputSize(n: number) {
  return (d: ReturnType<typeof chainDesign>) => {
    const input = d.model.nodes.find((x) => x.kind === 'input');
    if (input?.kind !== 'input') throw new Error('no input node');
    return setNodeParams(d, input.id, { ...input.params, size: [n, n] });
  };
}

describe('view store', () => {
  it('tells only the nodes and edges whose shape or parameters an edit changed', () => {
    const { design, views, called } = setup();
    const edges: string[] = [];
    for (const e of design.getState().design.model.edges) {
      views.subscribeEdge(e.id, () => edges.push(e.id));
    }
    const before = views.node('enc1');
    design.getState().transact('Widen', (d) => setNodeParams(d, 'dec1', { filters: 8 }));
    expect(called()).toEqual(['dec1', 'output']);
    expect(edges).toEqual(['e8']);
    expect(views.node('dec1').shape).toMatch(/^8×/);
    expect(views.edge('e8').shape).toBe(views.node('dec1').shape);
    expect(views.node('enc1')).toBe(before);
  });

  it('tells no one when nodes only move', () => {
    const { design, called } = setup();
    design.getState().preview((d) => setPositions(d, { mid: { x: 1, y: 2 } }));
    design.getState().commitPreview('Move');
    expect(called()).toEqual([]);
  });

  it('tells every node when the input size changes every shape', () => {
    const { design, called } = setup();
    design.getState().transact('Resize', inputSize(96));
    expect(called()).toEqual([...design.getState().design.model.nodes.map((n) => n.id)].sort());
  });

  it('tells problem listeners only when the problems change', () => {
    const { design, views, called, calls } = setup('problems');
    design.getState().transact('Resize', inputSize(96));
    expect(called()).toEqual([]);
    // 97 is odd: the pool cannot halve it, so problems appear.
    design.getState().transact('Resize', inputSize(97));
    const withProblems = design
      .getState()
      .design.model.nodes.map((n) => n.id)
      .filter((id) => views.node(id).problems.length > 0);
    expect(withProblems.length).toBeGreaterThan(0);
    expect(called()).toEqual(withProblems.sort());
    design.getState().undo();
    expect([...calls.values()].every((n) => n === 2)).toBe(true);
  });

  it('stops telling a listener once it unsubscribes, and knows no unknown node', () => {
    const { design, called, stops } = setup();
    for (const stop of stops) stop();
    design.getState().transact('Resize', inputSize(96));
    expect(called()).toEqual([]);
    expect(createViewStore(design, createUiStore()).node('nowhere')).toBe(UNKNOWN_NODE);
  });
});
