import { describe, expect, it } from 'vitest';
import { designOf, net } from '../../test/net';
import { compile } from '../compile';
import { createNode } from '../design/createNode';
import type { Design } from '../design/schema';

const codes = (design: Design) =>
  compile(design).diagnostics.map((d) => [d.code, d.edgeId ?? d.nodeId ?? null]);

function chain(): ReturnType<typeof net> {
  const n = net();
  n.add('input', 'in', { channels: 1, size: [16, 16] });
  n.add('conv', 'c1', { filters: 4 }, 'in');
  n.add('output', 'out', {}, 'c1');
  return n;
}

describe('structure pass', () => {
  it('accepts a clean chain', () => {
    expect(codes(chain().design()).filter(([c]) => c !== 'INPUT_SIZE_RULE')).toEqual([]);
  });

  it('reports NO_INPUT, NO_OUTPUT and MULTIPLE_INPUTS (on the extra input, with a fix)', () => {
    expect(codes(designOf([createNode('conv', 'c')], []))).toEqual(
      expect.arrayContaining([
        ['NO_INPUT', null],
        ['NO_OUTPUT', null],
      ]),
    );
    const n = chain();
    n.add('input', 'in2');
    const d = compile(n.design()).diagnostics.find((x) => x.code === 'MULTIPLE_INPUTS');
    expect(d).toMatchObject({
      nodeId: 'in2',
      fix: { edits: [{ op: 'removeNode', nodeId: 'in2' }] },
    });
  });

  it('reports duplicate node and edge ids', () => {
    const design = chain().design();
    const dup = {
      ...design,
      model: {
        nodes: [...design.model.nodes, createNode('pool', 'c1')],
        edges: [...design.model.edges, design.model.edges[0]!],
      },
    };
    expect(codes(dup)).toEqual(
      expect.arrayContaining([
        ['DUPLICATE_NODE_ID', 'c1'],
        ['DUPLICATE_EDGE_ID', 'in-c1.in'],
      ]),
    );
  });

  it('reports edges to unknown nodes and ports, naming the edge', () => {
    const n = chain();
    n.add('conv', 'c2', {}, { in: 'ghost' });
    n.add('pool', 'p', {}, { skip: 'c1' });
    const found = codes(n.design());
    expect(found).toEqual(
      expect.arrayContaining([
        ['EDGE_UNKNOWN_NODE', 'ghost-c2.in'],
        ['EDGE_UNKNOWN_PORT', 'c1-p.skip'],
      ]),
    );
    const port = compile(n.design()).diagnostics.find((d) => d.code === 'EDGE_UNKNOWN_PORT');
    expect(port?.nodeId).toBe('p');
    expect(port?.message).toContain("'in'");
  });

  it('reports a second edge into one port and an unconnected port', () => {
    const n = chain();
    n.add('skip', 's', {}, { skip: 'c1' });
    n.add('conv', 'c3', {}, { in: 'in' });
    const design = n.design();
    const extra = { id: 'extra', source: 'in', sourcePort: 'out', target: 'c1', targetPort: 'in' };
    const found = codes({
      ...design,
      model: { ...design.model, edges: [...design.model.edges, extra] },
    });
    expect(found).toEqual(
      expect.arrayContaining([
        ['PORT_MULTIPLY_CONNECTED', 'extra'],
        ['PORT_UNCONNECTED', 's'],
      ]),
    );
  });

  it('reports a cycle on one of its nodes and gives its nodes no shape', () => {
    const n = chain();
    n.add('add', 'sum', {}, { a: 'c1', b: 'loop' });
    n.add('conv', 'loop', { filters: 4 }, 'sum');
    const c = compile(n.design());
    const cycle = c.diagnostics.find((d) => d.code === 'CYCLE');
    expect(['sum', 'loop']).toContain(cycle?.nodeId);
    expect(cycle?.message).toMatch(/sum → loop → sum|loop → sum → loop/);
    expect(c.nodes.sum?.shape).toBeNull();
    expect(c.ok).toBe(false);
  });

  it('warns about unreachable and dangling nodes', () => {
    const n = chain();
    n.add('conv', 'island');
    n.add('pool', 'deadEnd', {}, 'c1');
    const found = codes(n.design());
    expect(found).toEqual(
      expect.arrayContaining([
        ['UNREACHABLE_NODE', 'island'],
        ['DANGLING_NODE', 'deadEnd'],
      ]),
    );
    expect(compile(n.design()).diagnostics.find((d) => d.code === 'DANGLING_NODE')?.severity).toBe(
      'warning',
    );
  });

  it('lists the reachable nodes in topological order', () => {
    const n = chain();
    n.add('conv', 'island');
    const c = compile(n.design());
    expect(c.order).toEqual(['in', 'c1', 'out']);
    expect(c.nodes.island).toMatchObject({
      shape: null,
      ops: null,
      cost: null,
      inputs: { in: null },
    });
  });
});
