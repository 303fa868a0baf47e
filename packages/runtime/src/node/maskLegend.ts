/**
 * The colour legend of a folder's RGB-coded masks: every mask of the folder's image/mask pairs is
 * read, and the colours found become classes (black first, then by frequency).
 */
import { join } from 'node:path';
import { legendFromMasks, type ColorLegend } from '../data/maskColors';
import { pairImageFiles } from '../data/pairing';
import { listFiles, readImageFile } from './imageFolder';

/**
 * Reads the legend of the masks under `dirs` (null entries are skipped).
 *
 * @throws when the masks hold too many colours to be a colour code, or a mask cannot be read.
 */
export async function readMaskLegend(
  dirs: readonly (string | null)[],
  maxColors = 64,
): Promise<ColorLegend> {
  const masks = [];
  for (const dir of dirs) {
    if (dir === null) continue;
    const { pairs } = pairImageFiles(await listFiles(dir));
    for (const pair of pairs) masks.push(await readImageFile(join(dir, pair.mask)));
  }
  const legend = legendFromMasks(masks, maxColors);
  if ('error' in legend) throw new Error(`${dirs.filter(Boolean).join(', ')}: ${legend.error}`);
  return legend;
}
