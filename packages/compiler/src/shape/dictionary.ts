/**
 * Records keyed by user ids (node and edge ids), for the compiled design's lookup tables.
 */

/**
 * A plain record built from `entries`, without a prototype: an id such as `__proto__` or
 * `constructor` is an ordinary key, and engines keep such objects in dictionary mode, so building
 * one with thousands of keys stays linear.
 * @example dictionary([['__proto__', 1]])['__proto__'] // 1
 */
export function dictionary<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = emptyDictionary<T>();
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** An empty record without a prototype, to fill key by key (see `dictionary`). */
export function emptyDictionary<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
