import { describe, expect, it } from 'vitest';
import { basicUnet } from '../../test/unets';
import { applyEdits, DesignEditError, tryApplyEdits } from './applyEdits';
import { createNode } from './createNode';

describe('applyEdits', () => {
  const design = basicUnet();

  it('merges params, validating them, without touching the original', () => {
    const edited = applyEdits(design, [
      { op: 'setParams', nodeId: 'enc0', params: { filters: 32 } },
    ]);
    expect(edited.model.nodes.find((n) => n.id === 'enc0')?.params).toMatchObject({
      filters: 32,
      depth: 2,
    });
    expect(design.model.nodes.find((n) => n.id === 'enc0')?.params).toMatchObject({ filters: 64 });
    expect(() =>
      applyEdits(design, [{ op: 'setParams', nodeId: 'enc0', params: { filters: -1 } }]),
    ).toThrow(/enc0.*filters/);
  });

  it('sets the input size', () => {
    const edited = applyEdits(design, [{ op: 'setInputSize', size: [null, 128] }]);
    expect(edited.model.nodes[0]?.params).toMatchObject({ size: [null, 128] });
  });

  it('removes a node with its edges, position and group membership', () => {
    const laidOut = {
      ...design,
      layout: {
        ...design.layout,
        positions: { enc0: { x: 1, y: 2 }, in: { x: 0, y: 0 } },
        groups: [{ id: 'g', name: 'L0', nodeIds: ['enc0', 'pool0'], collapsed: false }],
      },
    };
    const edited = applyEdits(laidOut, [{ op: 'removeNode', nodeId: 'enc0' }]);
    expect(edited.model.nodes.some((n) => n.id === 'enc0')).toBe(false);
    expect(edited.model.edges.some((e) => e.source === 'enc0' || e.target === 'enc0')).toBe(false);
    expect(Object.keys(edited.layout.positions)).toEqual(['in']);
    expect(edited.layout.groups[0]?.nodeIds).toEqual(['pool0']);
  });

  it('adds and removes nodes and edges, refusing taken ids and unknown targets', () => {
    const edited = applyEdits(design, [
      { op: 'addNode', node: createNode('dropout', 'drop') },
      {
        op: 'addEdge',
        edge: {
          id: 'e-new',
          source: 'bottom',
          sourcePort: 'out',
          target: 'drop',
          targetPort: 'in',
        },
      },
      { op: 'removeEdge', edgeId: 'e-new' },
    ]);
    expect(edited.model.nodes.at(-1)?.id).toBe('drop');
    expect(edited.model.edges).toHaveLength(design.model.edges.length);
    expect(() => applyEdits(design, [{ op: 'addNode', node: createNode('conv', 'enc0') }])).toThrow(
      DesignEditError,
    );
    expect(tryApplyEdits(design, [{ op: 'removeEdge', edgeId: 'nope' }])).toEqual({
      ok: false,
      message: "removeEdge: there is no edge 'nope'.",
    });
  });
});
