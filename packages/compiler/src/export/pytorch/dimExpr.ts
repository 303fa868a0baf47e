/**
 * Spatial sizes in generated Python: concrete sizes as numbers, symbolic sizes `a·S + b` as exact
 * integer expressions of the input tensor's size, and both as short text for shape comments.
 */
import type { Dim, Rat } from '../../shape/dim';
import type { Shape } from '../../shape/shape';
import { pyNum } from './pyLiteral';

/** The forward() variable holding the input size named `sym` (`H` → `in_h`). */
export function symVar(sym: string): string {
  return `in_${sym.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** `a·S + b` over the common denominator: `[coefficient, constant, denominator]`. */
function overCommon(a: Rat, b: Rat): [number, number, number] {
  const den = (a[1] * b[1]) / gcd(a[1], b[1]);
  return [a[0] * (den / a[1]), b[0] * (den / b[1]), den];
}

/**
 * A Python integer expression for `d`: the number itself, or an expression of the input-size
 * variable (see {@link symVar}) using exact integer arithmetic.
 *
 * @example dimPy({ sym: 'H', a: [1, 16], b: [-4, 1] }) === '(in_h - 64) // 16'
 */
export function dimPy(d: Dim): string {
  if (typeof d === 'number') return pyNum(d);
  const [coef, constant, den] = overCommon(d.a, d.b);
  const v = symVar(d.sym);
  let expr = coef === 1 ? v : coef === -1 ? `-${v}` : `${coef} * ${v}`;
  if (constant > 0) expr += ` + ${constant}`;
  if (constant < 0) expr += ` - ${-constant}`;
  if (den === 1) return expr;
  return constant === 0 && Math.abs(coef) === 1 ? `${expr} // ${den}` : `(${expr}) // ${den}`;
}

/** Short text for a size in a comment: `284`, `H`, `H/16-4`, `2W+1`. */
export function dimText(d: Dim): string {
  if (typeof d === 'number') return String(d);
  const [an, ad] = d.a;
  const [bn, bd] = d.b;
  let text =
    an === 1 && ad === 1
      ? d.sym
      : ad === 1
        ? `${an}${d.sym}`
        : `${an === 1 ? '' : an}${d.sym}/${ad}`;
  if (bn !== 0) text += `${bn > 0 ? '+' : '-'}${Math.abs(bn)}${bd === 1 ? '' : `/${bd}`}`;
  return text;
}

/** A shape as `CxHxW` text (`64x284x284`, `4x(H-4)x(W-4)`), the way the designer shows it. */
export function shapeText(shape: Shape): string {
  const dims = shape.spatial.map((d) => {
    const text = dimText(d);
    return /^[A-Za-z0-9]+$/.test(text) ? text : `(${text})`;
  });
  return [String(shape.channels), ...dims].join('x');
}

/** The symbol names (e.g. `H`, `W`) that occur in `dims`. */
export function symbolsOf(dims: readonly Dim[]): string[] {
  const names: string[] = [];
  for (const d of dims) if (typeof d !== 'number' && !names.includes(d.sym)) names.push(d.sym);
  return names;
}
