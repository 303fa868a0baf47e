/**
 * The `--masks` option of train and evaluate: how mask files code classes.
 */

/**
 * Reads --masks: `values` (grey values; the default), `voc` (Pascal VOC palette) or `rgb` (colour
 * codes, legend from the masks).
 */
export function readMaskCoding(
  value: string | boolean | undefined,
): { coding: 'values' | 'voc' | 'rgb'; error?: undefined } | { error: string } {
  if (value === undefined) return { coding: 'values' };
  if (value === 'values' || value === 'voc' || value === 'rgb') return { coding: value };
  return { error: `--masks must be values, voc or rgb, got "${String(value)}"` };
}
