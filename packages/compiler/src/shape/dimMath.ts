/**
 * Arithmetic on spatial sizes (`Dim`): concrete integers or symbolic `a·S + b`.
 *
 * Divisions of a symbolic size are taken as exact (`(a·S + b) / s`); the caller records each one
 * as a constraint on `S` (see `sizeRules.ts`), which is how the input-size rule is derived.
 */
import { isConcrete, type Dim, type SymDim } from './dim';
import { gcd, ratEq, ratIsInt, ratScale, ratSub, ratValue } from './rat';

/** The open size `S` itself (`a = 1`, `b = 0`). */
export function symDim(sym: string): SymDim {
  return { sym, a: [1, 1], b: [0, 1] };
}

function sym(d: SymDim, a: SymDim['a'], b: SymDim['b']): Dim {
  // A symbolic size that lost its symbol is a plain number again.
  if (a[0] === 0) return ratIsInt(b) ? b[0] : ratValue(b);
  return { sym: d.sym, a, b };
}

/** `d + c` for an integer `c`. */
export function dimAdd(d: Dim, c: number): Dim {
  if (isConcrete(d)) return d + c;
  if (c === 0) return d;
  // (b₀ + c·b₁)/b₁ stays in lowest terms: gcd(b₀ + c·b₁, b₁) = gcd(b₀, b₁) = 1.
  const num = d.b[0] + c * d.b[1];
  return sym(d, d.a, num === 0 ? [0, 1] : [num, d.b[1]]);
}

/** `d · f` for a positive integer `f`. */
export function dimMul(d: Dim, f: number): Dim {
  if (isConcrete(d)) return d * f;
  if (f === 1) return d;
  return sym(d, ratScale(d.a, f), ratScale(d.b, f));
}

/** `ceil(d / s)`; exact division when `d` is symbolic. */
export function dimCeilDiv(d: Dim, s: number): Dim {
  if (isConcrete(d)) return Math.ceil(d / s);
  if (s === 1) return d;
  return sym(d, ratScale(d.a, 1, s), ratScale(d.b, 1, s));
}

/** `floor(d / s)`; exact division when `d` is symbolic. */
export function dimFloorDiv(d: Dim, s: number): Dim {
  if (isConcrete(d)) return Math.floor(d / s);
  if (s === 1) return d;
  return sym(d, ratScale(d.a, 1, s), ratScale(d.b, 1, s));
}

/** True when two sizes are certainly equal (symbolic sizes compare by their expression). */
export function dimEq(x: Dim, y: Dim): boolean {
  if (isConcrete(x) || isConcrete(y)) return x === y;
  return x.sym === y.sym && ratEq(x.a, y.a) && ratEq(x.b, y.b);
}

/**
 * `x − y` when it does not depend on the open size (both concrete, or the same symbol with the same
 * coefficient); `null` otherwise.
 */
export function dimSub(x: Dim, y: Dim): number | null {
  if (isConcrete(x) && isConcrete(y)) return x - y;
  if (isConcrete(x) || isConcrete(y)) return null;
  if (x.sym !== y.sym || !ratEq(x.a, y.a)) return null;
  return ratValue(ratSub(x.b, y.b));
}

/** The value of `d` when its open size equals `n`. */
export function dimAt(d: Dim, n: number): number {
  if (isConcrete(d)) return d;
  return ratValue(d.a) * n + ratValue(d.b);
}

/**
 * The smallest integer `n` for which the symbolic size `d` is at least `min` (assumes `a > 0`).
 */
export function dimMinOpen(d: SymDim, min: number): number {
  // a·n + b ≥ min  ⇔  n ≥ (min − b) / a, in integers: ceil((min·b₁ − b₀)·a₁ / (b₁·a₀))
  const num = (min * d.b[1] - d.b[0]) * d.a[1];
  const den = d.b[1] * d.a[0];
  return Math.ceil(num / den - 1e-9);
}

/**
 * Formats a size for display: `572`, `H`, `H/16`, `H−184`, `(H−124)/16`, `2H+1`.
 * @example formatDim({ sym: 'H', a: [1, 16], b: [0, 1] }) // 'H/16'
 */
export function formatDim(d: Dim): string {
  if (isConcrete(d)) return String(d);
  const den = (d.a[1] * d.b[1]) / (gcd(d.a[1], d.b[1]) || 1);
  const coef = (d.a[0] * den) / d.a[1];
  const constant = (d.b[0] * den) / d.b[1];
  const head = coef === 1 ? d.sym : coef === -1 ? `−${d.sym}` : `${coef}${d.sym}`;
  const tail = constant > 0 ? `+${constant}` : constant < 0 ? `−${-constant}` : '';
  if (den === 1) return head + tail;
  return tail === '' ? `${head}/${den}` : `(${head}${tail})/${den}`;
}
