/**
 * The command line's `--tile` value: `auto`, `off`, or an input tile size `HxW` (or `N` for a
 * square tile).
 */
import type { TileMode } from './predictFullSize';

/** Largest tile side accepted from the command line. */
const MAX_TILE = 4096;

/**
 * Parses `text`.
 *
 * @returns The mode, or a message saying what is wrong.
 * @example parseTileOption('572x572') // { tile: [572, 572] }
 */
export function parseTileOption(text: string): { tile: TileMode } | { error: string } {
  if (text === 'auto' || text === 'off') return { tile: text };
  const m = /^(\d{1,5})(?:x(\d{1,5}))?$/i.exec(text.trim());
  const h = m ? Number(m[1]) : NaN;
  const w = m ? Number(m[2] ?? m[1]) : NaN;
  if (!(h >= 1 && w >= 1 && h <= MAX_TILE && w <= MAX_TILE))
    return { error: `--tile must be auto, off or HxW (sides 1–${MAX_TILE}), got "${text}"` };
  return { tile: [h, w] };
}
