/**
 * Solving divisibility constraints on one open size `n`: each says `(a·n + b) / s` is an integer.
 * The solutions form a set of residues modulo some `m`; constraints are merged one at a time
 * (lifting the residue set to the lcm of the moduli), then `m` is shrunk to the smallest period.
 */
import type { Rat } from '../shape/dim';
import { gcd, lcm } from '../shape/rat';

/** `(a·n + b) / divisor` must be an integer. */
export interface DivConstraint {
  readonly a: Rat;
  readonly b: Rat;
  readonly divisor: number;
}

/** The sizes satisfying every constraint: `n mod modulus ∈ residues` (sorted). */
export interface Residues {
  readonly modulus: number;
  readonly residues: readonly number[];
}

const MAX_MODULUS = 1 << 30;
const MAX_RESIDUES = 4096;
/** The most candidate residues one merge may test: bounds the time of a pathological lift. */
const MAX_LIFT_STEPS = 1 << 24;

/** A constraint as the congruence `coef·n + offset ≡ 0 (mod m)`, with `0 ≤ coef, offset < m`. */
interface Congruence {
  readonly coef: number;
  readonly offset: number;
  readonly m: number;
}

const mod = (x: number, m: number): number => ((x % m) + m) % m;

/** The congruence of one constraint: (p/q·n + u/v) / s is an integer ⇔ p·v·n + u·q ≡ 0 (mod q·v·s). */
function congruence(c: DivConstraint): Congruence {
  const [p, q] = c.a;
  const [u, v] = c.b;
  const m = q * v * c.divisor;
  return { coef: mod(p * v, m), offset: mod(u * q, m), m };
}

/** A key equal for equal congruences: a number while they are small, else a string. */
function congruenceKey({ coef, offset, m }: Congruence): number | string {
  return m < 0x10000 ? (coef * 0x10000 + offset) * 0x10000 + m : `${coef}|${offset}|${m}`;
}

/**
 * Solves the constraints, or returns null when the solution set is too irregular to state
 * (modulus above 2^30, more than 4096 residues, or more than 2^24 candidates to test in one step).
 * @example solveResidues([{ a: [1, 1], b: [0, 1], divisor: 16 }]) // { modulus: 16, residues: [0] }
 */
export function solveResidues(constraints: readonly DivConstraint[]): Residues | null {
  let modulus = 1;
  let residues = [0];
  // Designs repeat their levels, so most constraints are repeats: each is applied once.
  const seen = new Set<number | string>();
  for (const c of constraints) {
    const { coef, offset, m } = congruence(c);
    const key = congruenceKey({ coef, offset, m });
    if (seen.has(key)) continue;
    seen.add(key);
    const next = lcm(modulus, m / gcd(coef, m));
    if (!Number.isSafeInteger(next) || next > MAX_MODULUS) return null;
    if ((next / modulus) * residues.length > MAX_LIFT_STEPS) return null;
    const lifted: number[] = [];
    for (const r of residues) {
      for (let k = r; k < next; k += modulus) if ((coef * k + offset) % m === 0) lifted.push(k);
      if (lifted.length > MAX_RESIDUES) return null;
    }
    modulus = next;
    residues = lifted;
  }
  return shrink(
    modulus,
    residues.sort((x, y) => x - y),
  );
}

/** The smallest period of a residue set modulo `modulus`. */
function shrink(modulus: number, residues: number[]): Residues {
  if (residues.length === 0) return { modulus, residues };
  const set = new Set(residues);
  for (const p of divisors(modulus)) {
    if (residues.every((r) => set.has((r + p) % modulus))) {
      return {
        modulus: p,
        residues: [...new Set(residues.map((r) => r % p))].sort((x, y) => x - y),
      };
    }
  }
  return { modulus, residues };
}

/** The divisors of `n` below `n`, ascending. */
function divisors(n: number): number[] {
  const small: number[] = [];
  const large: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    small.push(d);
    if (d * d !== n) large.unshift(n / d);
  }
  return [...small, ...large].filter((d) => d < n);
}
