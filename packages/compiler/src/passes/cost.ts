/**
 * Pass 4, cost: parameters, MACs and activation bytes per node and in total, at the batch size;
 * LARGE_ACTIVATIONS when the activations of one batch exceed what a browser tab can hold.
 */
import type { Cost } from '../compiled';
import { diagnostic } from '../diagnostics/make';
import { addCosts, opsCost } from '../lowering/opCost';
import type { PassContext } from './context';
import type { Shapes } from './shapes';

/** Activation bytes above which LARGE_ACTIVATIONS is reported (2 GiB). */
export const LARGE_ACTIVATION_BYTES = 2 * 1024 ** 3;

/** Costs per node (null when the node has no ops) and the totals. */
export interface Costs {
  readonly perNode: ReadonlyMap<string, Cost | null>;
  readonly totals: Cost;
}

const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;

/**
 * Computes the costs. Every node gets its own figures; the totals count only `live` nodes (those
 * that lead to an output), since the others are not part of the built model.
 */
export function costPass(ctx: PassContext, shapes: Shapes, live: ReadonlySet<string>): Costs {
  const perNode = new Map<string, Cost | null>();
  let largest: { id: string; bytes: number } | null = null;
  for (const [id, node] of shapes.nodes) {
    const cost = node.ops ? opsCost(node.ops, ctx.batch) : null;
    perNode.set(id, cost);
    if (cost && (largest === null || cost.activationBytes > largest.bytes)) {
      largest = { id, bytes: cost.activationBytes };
    }
  }
  const counted: Cost[] = [];
  for (const [id, cost] of perNode) if (cost !== null && live.has(id)) counted.push(cost);
  const totals = addCosts(counted);
  if (totals.activationBytes > LARGE_ACTIVATION_BYTES && largest) {
    ctx.report(
      diagnostic(
        'LARGE_ACTIVATIONS',
        `One batch of ${ctx.batch} needs ${gib(totals.activationBytes)} of activations (the largest, '${largest.id}', ${gib(largest.bytes)}); browsers manage about 2 GiB. Use a smaller input, batch or width.`,
        { nodeId: largest.id },
      ),
    );
  }
  return { perNode, totals };
}
