import { describe, expect, it } from 'vitest';
import { net } from '../../test/net';
import { compile } from '../compile';

function wide(size: number) {
  const n = net();
  n.add('input', 'in', { channels: 3, size: [size, size] });
  n.add(
    'conv',
    'c',
    { filters: 64, norm: { type: 'none', groups: null, eps: 1e-5, momentum: 0.1 } },
    'in',
  );
  n.add('output', 'out', {}, 'c');
  return n.design();
}

describe('cost pass', () => {
  it('sums per-node costs into the totals', () => {
    const c = compile(wide(32));
    const nodes = ['in', 'c', 'out'].map((id) => c.nodes[id]?.cost);
    expect(nodes.every((x) => x !== null)).toBe(true);
    const sum = nodes.reduce((s, x) => s + (x?.trainable ?? 0), 0);
    expect(c.totals.trainable).toBe(sum);
    expect(c.nodes.c?.cost?.trainable).toBe(27 * 64 + 64 + 9 * 64 * 64 + 64);
    // input 3 ch + conv0/act0/conv1/act1 at 64 ch + head conv 1 ch, float32, 32×32
    expect(c.totals.activationBytes).toBe(4 * 1024 * (3 + 4 * 64 + 1));
  });

  it('warns LARGE_ACTIVATIONS above 2 GiB for the batch, on the largest node', () => {
    expect(compile(wide(256)).diagnostics.some((d) => d.code === 'LARGE_ACTIVATIONS')).toBe(false);
    const big = compile(wide(256), { batch: 64 });
    const d = big.diagnostics.find((x) => x.code === 'LARGE_ACTIVATIONS');
    expect(d).toMatchObject({ nodeId: 'c', severity: 'warning' });
    expect(big.ok).toBe(true);
  });

  it('keeps the totals exact past 2^31 and leaves dangling nodes out of them', () => {
    const n = net();
    n.add('input', 'in', { channels: 3, size: [256, 256] });
    n.add('conv', 'c', { filters: 64 }, 'in');
    n.add('conv', 'spare', { filters: 8 }, 'c');
    n.add('output', 'out', {}, 'c');
    const big = compile(n.design(), { batch: 64 });
    const live = ['in', 'c', 'out'].map((id) => big.nodes[id]?.cost);
    const bytes = live.reduce((sum, x) => sum + (x?.activationBytes ?? 0), 0);
    // input 3 ch + conv0/norm0/act0/conv1/norm1/act1 at 64 ch + head conv 1 ch, float32, batch 64
    expect(bytes).toBe(64 * 4 * 256 * 256 * (3 + 6 * 64 + 1));
    expect(bytes).toBeGreaterThan(2 ** 31);
    expect(big.totals.activationBytes).toBe(bytes);
    expect(big.nodes.spare?.cost?.activationBytes).toBeGreaterThan(0);
    expect(big.ops.some((op) => op.nodeId === 'spare')).toBe(false);
  });
});
