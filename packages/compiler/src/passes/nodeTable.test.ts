import { describe, expect, it } from 'vitest';
import { net } from '../../test/net';
import { compile } from '../compile';
import type { Design } from '../design/schema';

/** in → c → out, plus an unreachable pool, with hostile ids and a duplicated edge id. */
function hostile(): Design {
  const n = net();
  n.add('input', '__proto__', { channels: 1, size: [8, 8] });
  n.add('conv', 'toString', { filters: 2 }, '__proto__');
  n.add('output', 'out', {}, 'toString');
  n.add('pool', 'stray');
  const design = n.design();
  const [first, second] = design.model.edges;
  if (!first || !second) throw new Error('the net has two edges');
  const edges = [
    { ...first, id: 'constructor' },
    { ...second, id: 'constructor' },
    { ...second, id: 'hasOwnProperty' },
    { ...first, id: 'dangling', target: 'ghost' },
  ];
  return { ...design, model: { ...design.model, edges } };
}

describe('node and edge tables', () => {
  it('lists every node and edge id once, in design order, whatever the id', () => {
    const c = compile(hostile());
    expect(Object.keys(c.nodes)).toEqual(['__proto__', 'toString', 'out', 'stray']);
    expect(Object.keys(c.edgeShapes)).toEqual(['constructor', 'hasOwnProperty', 'dangling']);
    // Ids that name Object.prototype members are ordinary keys of the tables.
    const conv: string = 'toString';
    expect(c.nodes[conv]?.shape).toEqual({ channels: 2, spatial: [8, 8] });
  });

  it('gives a duplicated edge id the first edge’s shape and an unusable edge none', () => {
    const c = compile(hostile());
    const [first, second]: string[] = ['constructor', 'hasOwnProperty'];
    expect(c.edgeShapes[first ?? '']).toEqual({ channels: 1, spatial: [8, 8] });
    expect(c.edgeShapes[second ?? '']).toEqual({ channels: 2, spatial: [8, 8] });
    expect(c.edgeShapes.dangling).toBeNull();
  });

  it('gives each node that was not lowered its own record of ports without shapes', () => {
    const n = net();
    n.add('input', 'in', { channels: 1, size: [8, 8] });
    n.add('skip', 'k1', {}, { skip: 'in' });
    n.add('skip', 'k2', {}, { up: 'in' });
    n.add('add', 'a', {}, { a: 'k1', b: 'k2' });
    const c = compile(n.design());
    expect(c.nodes.k1?.inputs).toEqual({ skip: { channels: 1, spatial: [8, 8] }, up: null });
    expect(c.nodes.k2?.inputs).toEqual({ skip: null, up: { channels: 1, spatial: [8, 8] } });
    expect(c.nodes.a?.inputs).toEqual({ a: null, b: null });
    expect(c.nodes.a?.inputs).not.toBe(c.nodes.k1?.inputs);
  });
});
