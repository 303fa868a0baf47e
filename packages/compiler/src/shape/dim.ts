/**
 * Spatial sizes: a concrete integer, or a symbolic affine expression `a·S + b` of one open input
 * size `S` (named `H`, `W` or `L`), with rational `a` and `b`. Symbolic arithmetic assumes every
 * division is exact; the shape pass records each such assumption as a constraint on `S`.
 */

/** A rational number `num / den`, `den > 0`, in lowest terms. */
export type Rat = readonly [num: number, den: number];

/** A symbolic size `a·sym + b`. */
export interface SymDim {
  readonly sym: string;
  readonly a: Rat;
  readonly b: Rat;
}

/** A spatial size: concrete or symbolic. */
export type Dim = number | SymDim;

/** True when `d` is a concrete size. */
export function isConcrete(d: Dim): d is number {
  return typeof d === 'number';
}
