/**
 * Pass 1b, limits: the bounds every design must stay within before it is lowered — node and edge
 * counts, sizes, channel counts, kernels and strides, and the total down- and upsampling along any
 * path. Past them, sizes outgrow exact double arithmetic (2^53) and a lowering would run for
 * minutes or forever; the pass reports DESIGN_TOO_LARGE, PARAM_LIMIT or SCALE_LIMIT instead, naming
 * the node and the limit, and `compile` lowers nothing.
 */
import type { DesignNode } from '../design/schema';
import { diagnostic } from '../diagnostics/make';
import type { PassContext } from './context';
import { scaleProblems } from './limitsScale';
import type { Structure } from './structure';
import { label } from './structureReports';

/** The limits `compile` checks; docs/errors.md and docs/cli.md list them. */
export const DESIGN_LIMITS = {
  /** Nodes in a design. */
  nodes: 50_000,
  /** Edges in a design. */
  edges: 100_000,
  /** An input size, per spatial axis. */
  size: 65_536,
  /** Input channels, filters, classes. */
  channels: 65_536,
  /** Kernels, pooling windows, strides, upsampling factors and (effective) dilations. */
  window: 1_024,
  /** The product of the strides, or of the upsampling factors, from the input to any node (2^20). */
  scale: 1_048_576,
} as const;

/** One parameter over its limit. */
interface Excess {
  readonly field: string;
  readonly value: number;
  readonly limit: number;
}

/** The first value of a (per-axis) parameter above `limit` as an `Excess`, or null. */
function above(
  field: string,
  v: number | readonly (number | null)[] | null,
  limit: number,
): Excess | null {
  if (v === null) return null;
  if (typeof v === 'number') return v <= limit ? null : { field, value: v, limit };
  for (const x of v) if (x !== null && !(x <= limit)) return { field, value: x, limit };
  return null;
}

/** The largest value of a per-axis parameter. */
const largest = (v: number | readonly number[]): number =>
  typeof v === 'number' ? v : Math.max(...v);

/**
 * The first parameter of `node` above its limit, or null. Written without intermediate arrays:
 * it runs on every node of every compile.
 */
export function paramExcess(node: DesignNode): Excess | null {
  const L = DESIGN_LIMITS;
  switch (node.kind) {
    case 'input': {
      const p = node.params;
      return above('size', p.size, L.size) ?? above('channels', p.channels, L.channels);
    }
    case 'output':
      return (
        above('classes', node.params.classes, L.channels) ??
        above('kernel', node.params.kernel, L.window)
      );
    case 'conv': {
      const c = node.params;
      const d = largest(c.dilation);
      const effective = c.dilationGrowth === 'exponential' && c.depth > 1 ? d ** (c.depth - 1) : d;
      return (
        above('filters', c.filters, L.channels) ??
        above('kernel', c.kernel, L.window) ??
        above('stride', c.stride, L.window) ??
        above('dilation', c.dilation, L.window) ??
        above('effective dilation (dilation^(depth−1))', effective, L.window)
      );
    }
    case 'pool':
      return (
        above('window', node.params.window, L.window) ??
        above('stride', node.params.stride, L.window)
      );
    case 'upconv':
      return (
        above('factor', node.params.factor, L.window) ??
        above('kernel', node.params.kernel, L.window) ??
        above('filters', node.params.filters, L.channels)
      );
    default:
      return null;
  }
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Checks the limits; returns true when the design is within all of them (and may be lowered).
 * @example limitsPass(design.model, ctx, structure) // false, after a PARAM_LIMIT for a 2^52 stride
 */
export function limitsPass(
  model: { readonly nodes: readonly unknown[]; readonly edges: readonly unknown[] },
  ctx: PassContext,
  s: Structure,
): boolean {
  const L = DESIGN_LIMITS;
  if (model.nodes.length > L.nodes || model.edges.length > L.edges) {
    ctx.report(
      diagnostic(
        'DESIGN_TOO_LARGE',
        `The design has ${fmt(model.nodes.length)} nodes and ${fmt(model.edges.length)} edges; the compiler accepts at most ${fmt(L.nodes)} nodes and ${fmt(L.edges)} edges.`,
      ),
    );
    return false;
  }
  let ok = true;
  for (const node of s.nodes) {
    const excess = paramExcess(node);
    if (excess === null) continue;
    ok = false;
    ctx.report(
      diagnostic(
        'PARAM_LIMIT',
        `${label(node)}: ${excess.field} ${fmt(excess.value)} is above the limit of ${fmt(excess.limit)}.`,
        { nodeId: node.id },
      ),
    );
  }
  // The scales multiply the (now bounded) strides, so they are checked on bounded params only.
  if (!ok) return false;
  for (const problem of scaleProblems(s, L.scale)) {
    ok = false;
    const node = s.nodes[problem.index];
    if (!node) continue;
    const what = problem.up ? 'upsamples' : 'downsamples';
    ctx.report(
      diagnostic(
        'SCALE_LIMIT',
        `${label(node)} ${what} the input by ${fmt(problem.factor)} on ${problem.axis} in all (the product of the strides or factors from the input to here); the limit is ${fmt(L.scale)} (2^20).`,
        { nodeId: node.id },
      ),
    );
  }
  return ok;
}
