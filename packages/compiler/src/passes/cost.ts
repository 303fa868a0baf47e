/**
 * Pass 4, cost: the design's parameters, MACs and activation bytes at the batch size (summed by the
 * shapes pass as it lowers each node); LARGE_ACTIVATIONS when the activations of one batch exceed
 * what a browser tab can hold.
 */
import type { Cost } from '../compiled';
import { diagnostic } from '../diagnostics/make';
import { formatBytes } from '../units/formatBytes';
import type { PassContext } from './context';
import type { Shapes } from './shapes';
import type { Structure } from './structure';

/** Activation bytes above which LARGE_ACTIVATIONS is reported (2 GiB). */
export const LARGE_ACTIVATION_BYTES = 2 * 1024 ** 3;

/**
 * The totals: every lowered node has its own figures; the totals count only the nodes that lead
 * to an output, since the others are not part of the built model.
 */
export function costPass(ctx: PassContext, shapes: Shapes, s: Structure): Cost {
  const { totals, largestBytes } = shapes;
  const largestId = shapes.largest < 0 ? undefined : s.nodes[shapes.largest]?.id;
  if (totals.activationBytes > LARGE_ACTIVATION_BYTES && largestId !== undefined) {
    ctx.report(
      diagnostic(
        'LARGE_ACTIVATIONS',
        `One batch of ${ctx.batch} needs ${formatBytes(totals.activationBytes)} of activations (the largest, '${largestId}', ${formatBytes(largestBytes)}); browsers manage about 2 GiB. Use a smaller input, batch or width.`,
        { nodeId: largestId },
      ),
    );
  }
  return totals;
}
