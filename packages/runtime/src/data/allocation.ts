/**
 * Checking a large array before allocating it, so a size that cannot fit says which data, what
 * shape and how many bytes it needed, instead of the engine's bare "Invalid typed array length".
 */

/** Most values one data array may hold (2^30: 4 GiB of float32). */
export const MAX_ARRAY_VALUES = 2 ** 30;

/** A size in words: `300 MiB`, `1.5 GiB`, `17 bytes`. */
export function formatBytes(bytes: number): string {
  const units = [
    [1024 ** 4, 'TiB'],
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ] as const;
  for (const [size, unit] of units)
    if (bytes >= size) return `${(bytes / size).toFixed(1).replace(/\.0$/, '')} ${unit}`;
  return `${bytes} bytes`;
}

/**
 * Throws when an array of `shape` (product of its entries) would exceed {@link MAX_ARRAY_VALUES}.
 *
 * @param what - The data named in the message (`the synthetic data set`, `the resized images`).
 * @param shape - Its dimensions, e.g. `[samples, height, width, channels]`.
 * @param bytesPerValue - 4 for float32 (default), 1 for bytes.
 * @example checkAllocation('the synthetic data set', [2000, 2000, 2000, 3]);
 *   // Error: the synthetic data set is 2000×2000×2000×3 = 24000000000 values (89.4 GiB),
 *   //        above the limit of 1073741824 values (4 GiB) per array
 */
export function checkAllocation(what: string, shape: readonly number[], bytesPerValue = 4): void {
  const values = shape.reduce((p, d) => p * d, 1);
  if (Number.isFinite(values) && values <= MAX_ARRAY_VALUES) return;
  throw new RangeError(
    `${what} is ${shape.join('×')} = ${values} values (${formatBytes(values * bytesPerValue)}), above the limit of ${MAX_ARRAY_VALUES} values (${formatBytes(MAX_ARRAY_VALUES * bytesPerValue)}) per array: use fewer samples or a smaller size`,
  );
}
