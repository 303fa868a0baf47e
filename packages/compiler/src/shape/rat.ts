/**
 * Exact rational arithmetic on small integers, for symbolic sizes. Every `Rat` is kept in lowest
 * terms with a positive denominator, so two equal values have equal components.
 *
 * Every operation terminates for any input: Euclid's loop stops on non-finite values (a size that
 * overflowed to Infinity would otherwise loop on NaN forever) and after a bounded number of steps.
 * The limits pass keeps real designs far from such values; this is the last line of defence.
 */
import type { Rat } from './dim';

/**
 * Euclid's algorithm needs at most ~1.44·log2(max) steps on integers; for doubles up to 2^1024
 * this bounds it well below this count.
 */
const MAX_GCD_STEPS = 2048;

/**
 * Greatest common divisor of two integers (always ≥ 0). Non-finite inputs have no gcd: the result
 * is 1, so callers dividing by it keep their (already meaningless) values and go on.
 */
export function gcd(a: number, b: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 1;
  let x = Math.abs(a);
  let y = Math.abs(b);
  for (let step = 0; y !== 0; step++) {
    if (step > MAX_GCD_STEPS) return 1;
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** Least common multiple of two positive integers. */
export function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/** Builds `num / den` in lowest terms. `den` must not be 0. */
export function rat(num: number, den = 1): Rat {
  const g = gcd(num, den) || 1;
  const sign = den < 0 ? -1 : 1;
  // `+ 0` turns -0 into 0 so equal values compare equal.
  return [(sign * num) / g + 0, (sign * den) / g];
}

/** `x + y`. */
export function ratAdd(x: Rat, y: Rat): Rat {
  return rat(x[0] * y[1] + y[0] * x[1], x[1] * y[1]);
}

/** `x − y`. */
export function ratSub(x: Rat, y: Rat): Rat {
  return rat(x[0] * y[1] - y[0] * x[1], x[1] * y[1]);
}

/** `x · num / den`. */
export function ratScale(x: Rat, num: number, den = 1): Rat {
  return rat(x[0] * num, x[1] * den);
}

/** True when both rationals are equal. */
export function ratEq(x: Rat, y: Rat): boolean {
  return x[0] === y[0] && x[1] === y[1];
}

/** True when `x` is an integer. */
export function ratIsInt(x: Rat): boolean {
  return x[1] === 1;
}

/** The value of `x` as a float. */
export function ratValue(x: Rat): number {
  return x[0] / x[1];
}
