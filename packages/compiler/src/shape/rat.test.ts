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
});
