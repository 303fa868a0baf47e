/**
 * The encoder of a classic U-Net, shared by the ModelManager importer and the templates: level i
 * is a conv block (`enc<i+1>`, the last one `bottleneck`), preceded from level 1 on by a 2×2
 * max-pool (`pool<i>`).
 */
import type { DesignBuilder, ParamsInput } from './designBuilder';

/**
 * Adds the encoder after node `prev`, one level per entry of `features`.
 *
 * @returns the last node added and every level's conv block id (the skip sources), top first.
 */
export function addEncoderLevels(
  b: DesignBuilder,
  prev: string,
  features: readonly number[],
  block: (filters: number) => ParamsInput<'conv'>,
): { last: string; levels: string[] } {
  const bottom = features.length - 1;
  const levels: string[] = [];
  features.forEach((filters, i) => {
    if (i > 0) {
      const pool = b.add('pool', `pool${i}`, `Pool ${i}`, {
        mode: 'max',
        window: 2,
        padding: 'valid',
      });
      b.connect(prev, pool);
      prev = pool;
    }
    const id = i === bottom ? 'bottleneck' : `enc${i + 1}`;
    const conv = b.add(
      'conv',
      id,
      i === bottom ? 'Bottleneck' : `Encoder ${i + 1}`,
      block(filters),
    );
    b.connect(prev, conv);
    levels.push(conv);
    prev = conv;
  });
  return { last: prev, levels };
}
