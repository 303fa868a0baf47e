/**
 * The total scale of every node: along each spatial axis, how much the path from the input has
 * downsampled (the product of strides) and upsampled (the product of factors), as a reduced
 * fraction up/down. Walked in topological order; a merge takes the largest of its inputs.
 */
import { AXIS_NAMES } from '../catalogue/spatial';
import type { DesignNode } from '../design/schema';
import { gcd } from '../shape/rat';
import type { Structure } from './structure';
import { MAX_INPUT_PORTS } from './structureEdges';

/** A node whose total scale passes the limit: the first on its path. */
export interface ScaleProblem {
  readonly index: number;
  readonly axis: string;
  /** True when the upsampling passes the limit, false for the downsampling. */
  readonly up: boolean;
  readonly factor: number;
}

/** A spatial parameter's value on `axis` (a 1D design may write `[1, k]`). */
function onAxis(v: number | readonly number[] | null, axis: number, dims: 1 | 2): number {
  if (v === null) return 1;
  if (typeof v === 'number') return v;
  return (dims === 1 ? v[v.length - 1] : (v[axis] ?? v[0])) ?? 1;
}

/** The node's own downsampling on `axis` (its stride). */
function ownDown(node: DesignNode, axis: number, dims: 1 | 2): number {
  if (node.kind === 'conv') return onAxis(node.params.stride, axis, dims);
  if (node.kind === 'pool') return onAxis(node.params.stride ?? node.params.window, axis, dims);
  return 1;
}

/** The node's own upsampling on `axis` (its factor). */
function ownUp(node: DesignNode, axis: number, dims: 1 | 2): number {
  return node.kind === 'upconv' ? onAxis(node.params.factor, axis, dims) : 1;
}

/**
 * The nodes reachable from the input whose total down- or upsampling passes `limit`; the nodes
 * after one are not listed (one mistake, one report).
 */
export function scaleProblems(s: Structure, limit: number): ScaleProblem[] {
  const dims = s.dims;
  const n = s.nodes.length;
  // Per node and axis: the reduced fraction up/down; an `up` of 0 marks "past the limit upstream".
  const ups = new Float64Array(n * dims).fill(1);
  const downs = new Float64Array(n * dims).fill(1);
  const problems: ScaleProblem[] = [];
  for (let k = 0; k < s.reached.length; k++) {
    const i = s.reached[k] ?? -1;
    const node = s.nodes[i];
    if (!node) continue;
    let silenced = false;
    let problem: ScaleProblem | null = null;
    for (let axis = 0; axis < dims; axis++) {
      let up = 1;
      let down = 1;
      for (let port = 0; port < MAX_INPUT_PORTS; port++) {
        const src = s.portSources[i * MAX_INPUT_PORTS + port] ?? -1;
        if (src < 0) continue;
        const u = ups[src * dims + axis] ?? 1;
        if (u === 0) silenced = true;
        up = Math.max(up, u);
        down = Math.max(down, downs[src * dims + axis] ?? 1);
      }
      up *= ownUp(node, axis, dims);
      down *= ownDown(node, axis, dims);
      if (up !== 1 && down !== 1) {
        const g = gcd(up, down) || 1;
        up /= g;
        down /= g;
      }
      if (problem === null && (up > limit || down > limit)) {
        const name = AXIS_NAMES[dims][axis] ?? `axis ${axis}`;
        problem = { index: i, axis: name, up: up > limit, factor: up > limit ? up : down };
      }
      ups[i * dims + axis] = up;
      downs[i * dims + axis] = down;
    }
    if (problem !== null && !silenced) problems.push(problem);
    if (problem !== null || silenced) ups.fill(0, i * dims, i * dims + dims);
  }
  return problems;
}
