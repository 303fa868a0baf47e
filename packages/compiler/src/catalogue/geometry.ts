/**
 * Spatial output sizes of a layer, with the positivity check every shape rule shares.
 */
import { issue } from '../diagnostics/make';
import { isConcrete, type Dim } from '../shape/dim';
import { formatShape } from '../shape/shapeOps';
import type { Shape } from '../shape/shape';
import type { LayerKind } from './params';
import type { LowerContext } from './types';

/**
 * Applies `rule` to every spatial axis of `input`. When a concrete size drops to zero or below,
 * reports SHAPE_NON_POSITIVE naming `what` and returns null.
 */
export function spatialOut<K extends LayerKind>(
  ctx: LowerContext<K>,
  input: Shape,
  channels: number,
  what: string,
  rule: (n: Dim, axis: number) => Dim,
): Shape | null {
  const spatial = input.spatial.map(rule);
  if (spatial.some((d) => isConcrete(d) && d <= 0)) {
    const shown = spatial.map((d) => (isConcrete(d) ? String(d) : '…')).join('×');
    ctx.report(
      issue(
        'SHAPE_NON_POSITIVE',
        `${what} shrinks the ${formatShape(input)} map to ${shown}: make the input larger, use same padding, or remove a downsampling step.`,
      ),
    );
    return null;
  }
  return { channels, spatial };
}
