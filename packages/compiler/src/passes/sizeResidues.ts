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

/** The period of one constraint and a test for it. */
function prepare(c: DivConstraint): { period: number; holds: (n: number) => boolean } {
  // (p/q·n + u/v) / s = (p·v·n + u·q) / (q·v·s)
  const [p, q] = c.a;
  const [u, v] = c.b;
  const m = q * v * c.divisor;
  const coef = p * v;
  const offset = u * q;
  const period = m / gcd(coef, m);
  return { period, holds: (n) => (((coef * n + offset) % m) + m) % m === 0 };
}

/**
 * Solves the constraints, or returns null when the solution set is too irregular to state
 * (modulus above 2^30 or more than 4096 residues).
 * @example solveResidues([{ a: [1, 1], b: [0, 1], divisor: 16 }]) // { modulus: 16, residues: [0] }
 */
export function solveResidues(constraints: readonly DivConstraint[]): Residues | null {
  let modulus = 1;
  let residues = [0];
  const seen = new Set<string>();
  for (const c of constraints) {
    const key = `${c.a[0]}/${c.a[1]}|${c.b[0]}/${c.b[1]}|${c.divisor}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { period, holds } = prepare(c);
    const next = lcm(modulus, period);
    if (!Number.isSafeInteger(next) || next > MAX_MODULUS) return null;
    const lifted: number[] = [];
    for (const r of residues) {
      for (let k = r; k < next; k += modulus) if (holds(k)) lifted.push(k);
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
