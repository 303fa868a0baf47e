/**
 * Readers for custom-layer configs. A config comes back from a model.json file, so each reader
 * checks its value and names the layer class and key when the value is wrong.
 */

/** A positive integer pair such as a kernel size or a factor. */
export type IntPair = [number, number];

/** Reads a pair of positive integers (`[h, w]`) from a layer config. */
export function readIntPair(className: string, key: string, value: unknown): IntPair {
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => typeof v === 'number' && Number.isInteger(v) && v > 0)
  ) {
    return [value[0] as number, value[1] as number];
  }
  throw new Error(
    `${className}: config "${key}" must be two positive integers, got ${JSON.stringify(value)}`,
  );
}

/** Reads a pair of positive integers, or null when the key is absent or null. */
export function readOptionalIntPair(
  className: string,
  key: string,
  value: unknown,
): IntPair | null {
  return value === null || value === undefined ? null : readIntPair(className, key, value);
}

/** Reads a positive integer from a layer config. */
export function readPositiveInt(className: string, key: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  throw new Error(
    `${className}: config "${key}" must be a positive integer, got ${JSON.stringify(value)}`,
  );
}

/** Reads a positive finite number from a layer config. */
export function readPositiveNumber(className: string, key: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;
  throw new Error(
    `${className}: config "${key}" must be a positive number, got ${JSON.stringify(value)}`,
  );
}

/** Reads a finite number ≥ 0 from a layer config. */
export function readNonNegativeNumber(className: string, key: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  throw new Error(
    `${className}: config "${key}" must be a number ≥ 0, got ${JSON.stringify(value)}`,
  );
}

/** Reads a boolean from a layer config. */
export function readBoolean(className: string, key: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw new Error(
    `${className}: config "${key}" must be true or false, got ${JSON.stringify(value)}`,
  );
}

/** Reads one of a fixed set of strings from a layer config. */
export function readChoice<T extends string>(
  className: string,
  key: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new Error(
    `${className}: config "${key}" must be one of ${allowed.map((a) => `"${a}"`).join(', ')}, got ${JSON.stringify(value)}`,
  );
}

/** Reads the optional weight-initialiser seed (a finite number or null). */
export function readSeed(className: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new Error(
    `${className}: config "seed" must be a number or null, got ${JSON.stringify(value)}`,
  );
}
