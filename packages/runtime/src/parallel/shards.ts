/**
 * How a batch is shared between data-parallel replicas: as evenly as the image count allows,
 * the main thread's replica first, so a batch smaller than the number of replicas (an epoch's
 * last batch) never leaves the main thread without images.
 */

/**
 * Splits `indices` into `replicas` consecutive shards whose sizes differ by at most one, the
 * larger shards first. Shards may be empty when there are fewer images than replicas.
 *
 * @example splitBatch([0, 1, 2, 3, 4, 5, 6, 7], 3); // [[0, 1, 2], [3, 4, 5], [6, 7]]
 */
export function splitBatch(indices: readonly number[], replicas: number): number[][] {
  if (!(Number.isInteger(replicas) && replicas >= 1))
    throw new Error(`a batch splits over a whole number of replicas ≥ 1, got ${replicas}`);
  const base = Math.floor(indices.length / replicas);
  const extra = indices.length % replicas;
  const shards: number[][] = [];
  let start = 0;
  for (let r = 0; r < replicas; r++) {
    const size = base + (r < extra ? 1 : 0);
    shards.push(indices.slice(start, start + size));
    start += size;
  }
  return shards;
}
