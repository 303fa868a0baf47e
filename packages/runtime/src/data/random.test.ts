import { describe, expect, it } from 'vitest';
import { createRandom, permutation } from './random';

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in range and is roughly uniform and normal', () => {
    const rng = createRandom(1);
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < 20000; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const z = rng.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / 20000)).toBeLessThan(0.03);
    expect(Math.abs(sq / 20000 - 1)).toBeLessThan(0.05);
    const ints = new Set(Array.from({ length: 200 }, () => rng.int(2, 5)));
    expect([...ints].sort()).toEqual([2, 3, 4]);
  });
});

describe('permutation', () => {
  it('holds every index once', () => {
    const p = permutation(50, 3);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(p).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(permutation(50, 3)).toEqual(p);
  });
});
