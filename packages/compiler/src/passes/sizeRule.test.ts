import { describe, expect, it } from 'vitest';
import { net } from '../../test/net';
import { compile } from '../compile';
import { nextValid, prevValid, ruleText } from './sizeRule';

describe('input-size rule', () => {
  it('words the rule', () => {
    expect(ruleText('H', 16, [12], 188)).toBe('H ≡ 12 (mod 16), H ≥ 188');
    expect(ruleText('H', 16, [0], 16)).toBe('H divisible by 16');
    expect(ruleText('L', 8, [0], 40)).toBe('L divisible by 8, L ≥ 40');
    expect(ruleText('W', 1, [0], 1)).toBe('any W');
    expect(ruleText('W', 1, [0], 5)).toBe('W ≥ 5');
    expect(ruleText('H', 6, [1, 3], 7)).toBe('H mod 6 ∈ {1, 3}, H ≥ 7');
  });

  it('steps to the next and previous valid sizes', () => {
    expect(nextValid(570, 16, [12])).toBe(572);
    expect(nextValid(573, 16, [12])).toBe(588);
    expect(prevValid(570, 16, [12])).toBe(556);
    expect(prevValid(12, 6, [1, 3])).toBe(9);
  });

  it('derives per-axis rules for anisotropic strides', () => {
    const n = net();
    n.add('input', 'in', { channels: 1, size: [null, null] });
    n.add('pool', 'p', { window: [2, 4] }, 'in');
    n.add('upconv', 'u', { factor: [2, 4] }, 'p');
    n.add('output', 'out', {}, 'u');
    expect(compile(n.design()).sizeRule?.map((r) => r.text)).toEqual([
      'H divisible by 2',
      'W divisible by 4',
    ]);
  });

  it('raises the minimum for valid convs at the bottom', () => {
    const n = net();
    n.add('input', 'in', { dims: 1, channels: 1, size: [null] });
    n.add('pool', 'p', { window: 4, padding: 'same' }, 'in');
    n.add('conv', 'c', { padding: 'valid', kernel: 5, depth: 1 }, 'p');
    n.add('output', 'out', {}, 'c');
    // L/4 − 4 ≥ 1 → L ≥ 20
    expect(compile(n.design()).sizeRule?.[0]?.text).toBe('L divisible by 4, L ≥ 20');
  });

  it('is not derived for a design with size-independent errors', () => {
    const n = net();
    n.add('input', 'in', { channels: 1, size: [null, null] });
    n.add('skip', 's', { merge: 'add' }, { skip: 'in', up: 'c' });
    n.add('conv', 'c', { filters: 3 }, 'in');
    n.add('output', 'out', {}, 's');
    const c = compile(n.design());
    expect(c.sizeRule).toBeNull();
    expect(c.diagnostics.some((d) => d.code === 'INPUT_SIZE_RULE')).toBe(false);
  });
});
