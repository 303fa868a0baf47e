import { describe, expect, it } from 'vitest';
import { net } from '../../test/net';
import { compile } from '../compile';

function oneLevel(ups: number, size: (number | null)[] = [null, null]) {
  const n = net();
  let prev = n.add('input', 'in', { channels: 1, size });
  prev = n.add('pool', 'p1', {}, prev);
  prev = n.add('pool', 'p2', {}, prev);
  for (let i = 0; i < ups; i++) prev = n.add('upconv', `u${i}`, {}, prev);
  n.add('output', 'out', {}, prev);
  return n.design();
}

describe('U-Net checks', () => {
  it('warns LEVEL_PAIRING on an output at another resolution than the input', () => {
    const c = compile(oneLevel(1));
    const d = c.diagnostics.find((x) => x.code === 'LEVEL_PAIRING');
    expect(d?.nodeId).toBe('out');
    expect(d?.message).toContain('1/2 of the input resolution');
    expect(
      compile(oneLevel(3)).diagnostics.find((x) => x.code === 'LEVEL_PAIRING')?.message,
    ).toContain('2×');
    expect(compile(oneLevel(2)).diagnostics.some((x) => x.code === 'LEVEL_PAIRING')).toBe(false);
  });

  it('checks pairing for concrete sizes too', () => {
    expect(compile(oneLevel(1, [64, 64])).diagnostics.some((x) => x.code === 'LEVEL_PAIRING')).toBe(
      true,
    );
  });

  it('reports layer norm: an error with an open size, a warning with a fixed one, fixed by instance norm', () => {
    const design = (size: (number | null)[]) => {
      const n = net();
      n.add('input', 'in', { channels: 1, size });
      n.add('norm', 'ln', { type: 'layer' }, 'in');
      n.add('output', 'out', {}, 'ln');
      return n.design();
    };
    const open = compile(design([null, 32])).diagnostics.find(
      (d) => d.code === 'LAYER_NORM_OPEN_SIZE',
    );
    expect(open).toMatchObject({
      nodeId: 'ln',
      severity: 'error',
      fix: { edits: [{ params: { type: 'instance' } }] },
    });
    const fixed = compile(design([32, 32]));
    expect(fixed.diagnostics.find((d) => d.code === 'LAYER_NORM_TIES_SIZE')?.severity).toBe(
      'warning',
    );
    expect(fixed.nodes.ln?.cost?.trainable).toBe(2 * 32 * 32);
  });

  it('names the first inexact pool for odd sizes that only pool inexactly', () => {
    const c = compile(oneLevel(2, [66, 64]));
    const d = c.diagnostics.find((x) => x.code === 'ODD_POOL_INPUT');
    expect(d).toMatchObject({
      nodeId: 'p2',
      fix: { edits: [{ op: 'setInputSize', size: [68, 64] }] },
    });
    expect(d?.message).toContain('64 or 68');
  });
});
