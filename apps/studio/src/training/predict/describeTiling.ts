/**
 * The one-line account of how an image was predicted: `3×2 tiles of 188×188, overlap 16`.
 * Sizes are written width × height, as image sizes are.
 */

/** The tiling the runtime reports (`[rows, columns]` and `[H, W]` pairs). */
export interface Tiling {
  readonly input: readonly [number, number];
  readonly output: readonly [number, number];
  readonly tiles: readonly [number, number];
  readonly overlap: readonly [number, number];
}

const wh = (hw: readonly [number, number]): string => `${hw[1]}×${hw[0]}`;

/**
 * Describes `tiling`; null means the image was resized to `resizedTo` (`[H, W]`) and back.
 *
 * @example describeTiling({ input: [188, 188], output: [188, 188], tiles: [2, 3], overlap: [16, 16] }, null)
 *   // '3×2 tiles of 188×188, overlap 16'
 */
export function describeTiling(
  tiling: Tiling | null,
  resizedTo: readonly [number, number] | null,
): string {
  if (tiling === null)
    return resizedTo ? `resized to ${wh(resizedTo)} and back` : 'resized to the model input';
  const [rows, cols] = tiling.tiles;
  const valid = tiling.output[0] !== tiling.input[0] || tiling.output[1] !== tiling.input[1];
  const out = valid ? ` (${wh(tiling.output)} out)` : '';
  if (rows * cols === 1) return `whole image in one pass, input ${wh(tiling.input)}${out}`;
  const [oy, ox] = tiling.overlap;
  const overlap = ox === oy ? `${ox}` : `${ox}×${oy}`;
  return `${cols}×${rows} tiles of ${wh(tiling.input)}${out}, overlap ${overlap}`;
}
