import { describe, expect, it } from 'vitest';
import { net } from '../../test/net';
import { compile } from '../compile';

const groupNorm = (groups: number) => ({
  norm: { type: 'group' as const, groups, eps: 1e-5, momentum: 0.1 },
});

describe('lowering node after node', () => {
  it('reports each lowering’s problems on its own node', () => {
    const n = net();
    n.add('input', 'in', { channels: 1, size: [16, 16] });
    n.add('conv', 'odd', { filters: 6, ...groupNorm(4) }, 'in');
    n.add('pool', 'p', {}, 'odd');
    n.add('conv', 'odder', { filters: 10, ...groupNorm(4) }, 'p');
    n.add('output', 'out', { classes: 1, activation: 'softmax' }, 'odder');
    const found = compile(n.design()).diagnostics.map((d) => [d.code, d.nodeId]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['GROUPNORM_DIVISIBILITY', 'odd'],
        ['GROUPNORM_DIVISIBILITY', 'odder'],
        ['SOFTMAX_ONE_CLASS', 'out'],
      ]),
    );
  });

  it('reports a problem repeated in every conv of a block once', () => {
    const n = net();
    n.add('input', 'in', { channels: 1, size: [16, 16] });
    n.add('conv', 'block', { filters: 6, depth: 3, ...groupNorm(4) }, 'in');
    n.add('output', 'out', { classes: 1 }, 'block');
    const codes = compile(n.design()).diagnostics.map((d) => `${d.code} ${d.nodeId ?? ''}`);
    expect(codes.filter((c) => c === 'GROUPNORM_DIVISIBILITY block')).toHaveLength(1);
  });

  it('feeds every node the ops on its own ports', () => {
    const n = net();
    n.add('input', 'in', { channels: 2, size: [8, 8] });
    n.add('conv', 'a', { filters: 4 }, 'in');
    n.add('conv', 'b', { filters: 4 }, 'a');
    n.add('skip', 'k', { order: 'up-first' }, { skip: 'a', up: 'b' });
    n.add('add', 'sum', {}, { a: 'b', b: 'a' });
    n.add('skip', 'k2', {}, { skip: 'sum', up: 'k' });
    n.add('output', 'out', {}, 'k2');
    const c = compile(n.design());
    expect(c.ok).toBe(true);
    const inputsOf = (id: string) => c.ops.find((op) => op.id === id)?.inputs;
    expect(inputsOf('k/concat')).toEqual(['b/act1', 'a/act1']);
    expect(inputsOf('sum/add')).toEqual(['b/act1', 'a/act1']);
    expect(inputsOf('k2/concat')).toEqual(['sum/add', 'k/concat']);
    expect(c.nodes.k2?.shape).toEqual({ channels: 12, spatial: [8, 8] });
  });
});
