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
 * The output shape of a layer with `spatial` sizes, or null after reporting SHAPE_NON_POSITIVE when
 * a concrete size dropped to zero or below. `what` and `id` name the layer in the message. When
 * nothing changes (the same sizes array and channels) the input shape itself is returned.
 */
export function spatialOut<K extends LayerKind>(
  ctx: LowerContext<K>,
  input: Shape,
  channels: number,
  spatial: readonly Dim[],
  what: string,
  id: string,
): Shape | null {
  for (let i = 0; i < spatial.length; i++) {
    const d = spatial[i] ?? 1;
    if (!isConcrete(d) || d > 0) continue;
    const shown = spatial.map((x) => (isConcrete(x) ? String(x) : '…')).join('×');
    ctx.report(
      issue(
        'SHAPE_NON_POSITIVE',
        `${what} '${id}' shrinks the ${formatShape(input)} map to ${shown}: make the input larger, use same padding, or remove a downsampling step.`,
      ),
    );
    return null;
  }
  return spatial === input.spatial && channels === input.channels ? input : { channels, spatial };
}
