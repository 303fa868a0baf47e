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

/** The numbers in a per-axis parameter. */
const valuesOf = (v: number | readonly number[] | null): readonly number[] =>
  v === null ? [] : typeof v === 'number' ? [v] : v;

/** One parameter over its limit. */
interface Excess {
  readonly field: string;
  readonly value: number;
  readonly limit: number;
}

/** The first parameter of `node` above its limit, or null. */
export function paramExcess(node: DesignNode): Excess | null {
  const L = DESIGN_LIMITS;
  const checks: [string, number | readonly number[] | null, number][] = [];
  switch (node.kind) {
    case 'input':
      checks.push(['size', node.params.size.filter((n) => n !== null), L.size]);
      checks.push(['channels', node.params.channels, L.channels]);
      break;
    case 'output':
      checks.push(
        ['classes', node.params.classes, L.channels],
        ['kernel', node.params.kernel, L.window],
      );
      break;
    case 'conv': {
      const c = node.params;
      const dilation = Math.max(...valuesOf(c.dilation));
      const effective = c.dilationGrowth === 'exponential' ? dilation ** (c.depth - 1) : dilation;
      checks.push(['filters', c.filters, L.channels], ['kernel', c.kernel, L.window]);
      checks.push(['stride', c.stride, L.window], ['dilation', c.dilation, L.window]);
      checks.push(['effective dilation (dilation^(depth−1))', effective, L.window]);
      break;
    }
    case 'pool':
      checks.push(
        ['window', node.params.window, L.window],
        ['stride', node.params.stride, L.window],
      );
      break;
    case 'upconv':
      checks.push(
        ['factor', node.params.factor, L.window],
        ['kernel', node.params.kernel, L.window],
      );
      checks.push(['filters', node.params.filters, L.channels]);
      break;
    default:
      break;
  }
  for (const [field, value, limit] of checks) {
    const over = valuesOf(value).find((v) => !(v <= limit));
    if (over !== undefined) return { field, value: over, limit };
  }
  return null;
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
