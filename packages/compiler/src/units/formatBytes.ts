/**
 * Byte counts for people: one unit system everywhere (the command line, the designer, the
 * training panel, diagnostics). Binary units, since memory is allocated in powers of two: a model
 * the designer shows as `1.18 GiB` is `1.18 GiB` in `unet-studio summary` too.
 */

/** The binary units, from bytes up. */
const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/**
 * A byte count with three significant digits and a binary unit: `512 B`, `12.0 KiB`, `3.00 MiB`,
 * `1.18 GiB`. Counts that are not finite (an open input size) print as `?`.
 * @param bytes - The number of bytes.
 * @returns The count as text.
 * @example formatBytes(1_267_079_360) // '1.18 GiB'
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '?';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${Math.round(value)} B`;
  // 1023.7 KiB rounds to "1.02e+3" with toPrecision(3); say 1024 KiB as the next unit would.
  const text = Math.abs(value) >= 999.5 ? value.toFixed(0) : value.toPrecision(3);
  return `${text} ${UNITS[unit]}`;
}
