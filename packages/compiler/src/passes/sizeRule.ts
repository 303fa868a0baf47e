/**
 * The input-size rule: which sizes of each input axis the network accepts. A size n is valid when
 * the design compiles without size errors and every downsampling divides exactly.
 *
 * Lowering with every axis open turns each downsampling into a divisibility constraint on the open
 * size (solved in `sizeResidues.ts`) and every map size into a linear bound `a·n + b ≥ 1`; the
 * smallest size meeting both is the minimum. With exact divisions, the only size errors left are
 * maps shrinking below 1 (crop and pad amounts do not depend on the size), so no trial lowering is
 * needed: the property tests check the minimum against concrete compiles.
 */
import { AXIS_NAMES } from '../catalogue/spatial';
import type { AxisSizeRule } from '../compiled';
import { isConcrete, type Dim } from '../shape/dim';
import { dimMinOpen } from '../shape/dimMath';
import { lowerGraph, type LoweredNodes, type Lowering } from './lowerGraph';
import type { NodeDivision } from './shapes';
import { solveResidues, type DivConstraint, type Residues } from './sizeResidues';
import type { Structure } from './structure';

/** The sizes of a design with every input axis open. */
export interface OpenLowering {
  /** The spatial sizes of every op output. */
  readonly sizes: readonly (readonly Dim[])[];
  /** The open spatial sizes of each output node. */
  readonly outputs: ReadonlyMap<string, readonly Dim[]>;
  readonly divisions: readonly NodeDivision[];
  /** True when some node got no shape (a size-independent error, or a missing input). */
  readonly failed: boolean;
}

/** True when some lowered node has no shape. */
export function anyUnshaped(s: Structure, nodes: LoweredNodes): boolean {
  for (let k = 0; k < s.reached.length; k++)
    if (nodes[s.reached[k] ?? -1]?.shape === null) return true;
  return false;
}

/** The open sizes of a lowering done with every input axis open (and `keepOps`). */
export function fromLowering(
  s: Structure,
  { nodes, ops: nodeOps }: Lowering,
  divisions: readonly NodeDivision[],
): OpenLowering {
  const sizes: (readonly Dim[])[] = [];
  for (let k = 0; k < s.reached.length; k++) {
    const ops = nodeOps[s.reached[k] ?? -1] ?? [];
    for (let j = 0; j < ops.length; j++) {
      const spatial = ops[j]?.shape.spatial;
      // Ops that keep their input's sizes share its array: list each array once.
      if (spatial !== undefined && spatial !== sizes[sizes.length - 1]) sizes.push(spatial);
    }
  }
  const outputs = new Map<string, readonly Dim[]>();
  s.outputIds.forEach((id, k) => {
    const shape = nodes[s.outputIndices[k] ?? -1]?.shape;
    if (shape) outputs.set(id, shape.spatial);
  });
  return { sizes, outputs, divisions, failed: anyUnshaped(s, nodes) };
}

/** Lowers `s` with every input axis open. */
export function lowerOpen(s: Structure): OpenLowering {
  const divisions: NodeDivision[] = [];
  const lowering = lowerGraph(s, {
    inputSize: AXIS_NAMES[s.dims].map(() => null),
    report: () => undefined,
    onDivision: (nodeId, division) => divisions.push({ nodeId, division }),
    keepOps: true,
  });
  return fromLowering(s, lowering, divisions);
}

/** Derives the rule of every axis from an open lowering, or null when it failed. */
export function deriveSizeRule(s: Structure, open: OpenLowering): AxisSizeRule[] | null {
  if (open.failed || s.inputId === null) return null;
  const names = AXIS_NAMES[s.dims];
  const solved: Residues[] = [];
  for (const name of names) {
    const constraints: DivConstraint[] = [];
    for (const { division } of open.divisions) {
      const n = division.numerator;
      if (!isConcrete(n) && n.sym === name)
        constraints.push({ a: n.a, b: n.b, divisor: division.divisor });
    }
    const axisSolution = solveResidues(constraints);
    if (!axisSolution) return null;
    solved.push(axisSolution);
  }
  const bounds = lowerBounds(open);
  return names.map((name, axis) => {
    const { modulus, residues } = solved[axis] ?? { modulus: 1, residues: [] };
    const min = residues.length === 0 ? null : nextValid(bounds.get(name) ?? 1, modulus, residues);
    return { axis: name, modulus, residues, min, text: ruleText(name, modulus, residues, min) };
  });
}

/** For each axis name, the smallest n for which every map size along it is at least 1. */
function lowerBounds(open: OpenLowering): Map<string, number> {
  const bounds = new Map<string, number>();
  for (const spatial of open.sizes) {
    for (const d of spatial) {
      if (isConcrete(d) || d.a[0] <= 0) continue;
      const bound = dimMinOpen(d, 1);
      if (bound > (bounds.get(d.sym) ?? 1)) bounds.set(d.sym, bound);
    }
  }
  return bounds;
}

/**
 * The smallest m ≥ n with `m mod modulus` in the sorted, non-empty `residues`.
 * @example nextValid(570, 16, [12]) // 572
 */
export function nextValid(n: number, modulus: number, residues: readonly number[]): number {
  const base = n - (n % modulus);
  for (const r of residues) if (base + r >= n) return base + r;
  return base + modulus + (residues[0] ?? 0);
}

/** The largest m ≤ n with `m mod modulus` in the sorted, non-empty `residues` (may be ≤ 0). */
export function prevValid(n: number, modulus: number, residues: readonly number[]): number {
  const base = n - (n % modulus);
  for (let i = residues.length - 1; i >= 0; i--) {
    const r = residues[i] ?? 0;
    if (base + r <= n) return base + r;
  }
  return base - modulus + (residues[residues.length - 1] ?? 0);
}

/**
 * The rule in words.
 * @example ruleText('H', 16, [12], 188) // 'H ≡ 12 (mod 16), H ≥ 188'
 */
export function ruleText(
  name: string,
  modulus: number,
  residues: readonly number[],
  min: number | null,
): string {
  if (residues.length === 0) return `no ${name} makes every downsampling exact`;
  const atLeast = min === null ? '' : `${name} ≥ ${min}`;
  if (modulus === 1) return min === null || min <= 1 ? `any ${name}` : atLeast;
  const [only] = residues;
  if (residues.length === 1 && only === 0) {
    const divisible = `${name} divisible by ${modulus}`;
    return min === null || min <= modulus ? divisible : `${divisible}, ${atLeast}`;
  }
  const mod =
    residues.length === 1
      ? `${name} ≡ ${only} (mod ${modulus})`
      : `${name} mod ${modulus} ∈ {${residues.join(', ')}}`;
  return atLeast === '' ? mod : `${mod}, ${atLeast}`;
}
