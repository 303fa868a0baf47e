import { describe, expect, it } from 'vitest';
import { net } from '../../test/net';
import { compile } from '../compile';

describe('shapes pass', () => {
  it('reports an error once and leaves everything downstream without a shape', () => {
    const n = net();
    n.add('input', 'in', { channels: 1, size: [8, 8] });
    n.add('conv', 'shrink', { padding: 'valid', depth: 4 }, 'in');
    n.add('conv', 'after', {}, 'shrink');
    n.add('output', 'out', {}, 'after');
    const c = compile(n.design());
    expect(c.diagnostics.filter((d) => d.nodeId === 'shrink').map((d) => d.code)).toEqual([
      'SHAPE_NON_POSITIVE',
    ]);
    expect(c.diagnostics.filter((d) => d.nodeId === 'after' || d.nodeId === 'out')).toEqual([]);
    // the size is what is wrong: 8 − 4 × 2 leaves nothing, 9 would leave 1
    expect(c.diagnostics.find((d) => d.code === 'INPUT_SIZE_INVALID')?.fix?.edits).toEqual([
      { op: 'setInputSize', size: [9, 9] },
    ]);
    expect(c.nodes.after?.shape).toBeNull();
    expect(c.nodes.after?.inputs).toEqual({ in: null });
    expect(c.nodes.out?.cost).toBeNull();
  });

  it('passes the input of a no-op node through as its output op', () => {
    const n = net();
    n.add('input', 'in', { channels: 1, size: [8, 8] });
    n.add('activation', 'id', { type: 'none' }, 'in');
    n.add('output', 'out', { conv: false }, 'id');
    const c = compile(n.design());
    expect(c.nodes.id?.ops).toEqual([]);
    expect(c.nodes.id?.outputOp).toBe('in/input');
    expect(c.ops.find((op) => op.op === 'output')?.inputs).toEqual(['in/input']);
  });

  it('lowers 1D designs with heliaEDGE spellings', () => {
    const n = net();
    n.add('input', 'in', { dims: 1, channels: 1, size: [256] });
    n.add('conv', 'c', { kernel: [1, 5], filters: 12, separable: true }, 'in');
    n.add('pool', 'p', { window: [1, 3], stride: [1, 2], padding: 'same' }, 'c');
    n.add('output', 'out', { classes: 4, kernel: [1, 5] }, 'p');
    const c = compile(n.design());
    expect(c.ok).toBe(true);
    expect(c.dims).toBe(1);
    expect(c.nodes.out?.shape).toEqual({ channels: 4, spatial: [128] });
  });
});
