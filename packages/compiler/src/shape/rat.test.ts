import { describe, expect, it } from 'vitest';
import { gcd, lcm, rat, ratAdd, ratEq, ratIsInt, ratScale, ratSub, ratValue } from './rat';

describe('rationals', () => {
  it('keeps lowest terms with a positive denominator', () => {
    expect(rat(6, -8)).toEqual([-3, 4]);
    expect(rat(0, 5)).toEqual([0, 1]);
    expect(ratEq(rat(2, 4), rat(1, 2))).toBe(true);
  });

  it('adds, subtracts and scales exactly', () => {
    expect(ratAdd(rat(1, 3), rat(1, 6))).toEqual([1, 2]);
    expect(ratSub(rat(1, 2), rat(3, 4))).toEqual([-1, 4]);
    expect(ratScale(rat(3, 4), 2, 3)).toEqual([1, 2]);
    expect(ratIsInt(rat(8, 4))).toBe(true);
    expect(ratValue(rat(1, 8))).toBe(0.125);
  });

  it('computes gcd and lcm', () => {
    expect(gcd(12, -18)).toBe(6);
    expect(lcm(4, 6)).toBe(12);
  });

  it('terminates on sizes that overflowed to Infinity or NaN', () => {
    expect(gcd(Infinity, 6)).toBe(1);
    expect(gcd(6, NaN)).toBe(1);
    expect(gcd(2 ** 1000, 3 * 2 ** 999)).toBe(2 ** 999);
    const huge = rat(1, 2 ** 1100);
    expect(ratScale(huge, 1, 2)).toHaveLength(2);
    expect(ratAdd(rat(1, 3), rat(Infinity, 1))).toHaveLength(2);
  });
});
