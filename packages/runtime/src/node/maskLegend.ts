/**
 * The colour legend of a folder's RGB-coded masks: every mask of the folder's image/mask pairs is
 * read, and the colours found become classes (black first, then by frequency).
 */
import { join } from 'node:path';
import { legendFromMasks, type ColorLegend } from '../data/maskColors';
import { pairImageFiles } from '../data/pairing';
import { listFiles, readImageFile } from './imageFolder';

/**
 * Reads the legend of the masks under `dir`.
 *
 * @throws when the masks hold too many colours to be a colour code, or a mask cannot be read.
 */
export async function readMaskLegend(dir: string, maxColors = 64): Promise<ColorLegend> {
  const { pairs } = pairImageFiles(await listFiles(dir));
  const masks = [];
  for (const pair of pairs) masks.push(await readImageFile(join(dir, pair.mask)));
  const legend = legendFromMasks(masks, maxColors);
  if ('error' in legend) throw new Error(`${dir}: ${legend.error}`);
  return legend;
}
