/**
 * Averaging of gradients computed by data-parallel replicas. Each replica differentiates the mean
 * loss of its shard of the batch; weighting each replica's gradient by the images in its shard
 * gives the gradient of the mean loss over the whole batch (exactly, for losses that are means
 * over pixels and layers that treat examples independently), however unevenly the batch split.
 */

/** One replica's gradients, one array per variable in a shared order; null: no gradient. */
export type ReplicaGradients = readonly (Float32Array | null)[];

function checkReplicas(replicas: readonly ReplicaGradients[], images?: readonly number[]): void {
  const first = replicas[0];
  if (first === undefined) throw new Error('averageGradients: no replicas to average');
  if (images !== undefined && images.length !== replicas.length)
    throw new Error(
      `averageGradients: ${images.length} image counts for ${replicas.length} replicas`,
    );
  images?.forEach((n, r) => {
    if (!(Number.isInteger(n) && n >= 1))
      throw new Error(`averageGradients: replica ${r} saw ${n} images; give a count of at least 1`);
  });
  replicas.forEach((other, r) => {
    if (other.length !== first.length)
      throw new Error(
        `averageGradients: replica ${r} sent ${other.length} gradients, replica 0 sent ${first.length}`,
      );
    other.forEach((g, i) => {
      const ref = first[i] ?? null;
      if ((g === null) !== (ref === null))
        throw new Error(
          `averageGradients: replica ${r} has ${g === null ? 'no' : 'a'} gradient ${i}, replica 0 ${ref === null ? 'has none' : 'has one'}`,
        );
      if (g !== null && ref !== null && g.length !== ref.length)
        throw new Error(
          `averageGradients: gradient ${i} of replica ${r} has ${g.length} values, replica 0's has ${ref.length}`,
        );
    });
  });
}

/**
 * Averages the gradients of several replicas, variable by variable, weighting replica `r` by
 * `images[r]` (default: all equal). The inputs are left as they are.
 *
 * @param replicas One list of gradient arrays per replica, all in the same variable order; a
 *   variable without a gradient is null in every replica.
 * @param images How many images each replica's mean loss was taken over.
 * @returns One new array per variable (null where the replicas have none).
 * @throws When there are no replicas, they disagree on the number, presence or sizes of the
 *   gradients, or an image count is not a positive whole number.
 * @example averageGradients([[new Float32Array([1, 2])], [new Float32Array([4, 8])]], [3, 1]); // [[1.75, 3.5]]
 */
export function averageGradients(
  replicas: readonly ReplicaGradients[],
  images?: readonly number[],
): (Float32Array | null)[] {
  checkReplicas(replicas, images);
  const counts = images ?? replicas.map(() => 1);
  const total = counts.reduce((a, b) => a + b, 0);
  const scales = counts.map((n) => n / total);
  return replicas[0]!.map((ref, i) => {
    if (ref === null) return null;
    const out = new Float32Array(ref.length);
    for (let r = 0; r < replicas.length; r++) {
      const g = replicas[r]![i]!;
      const s = scales[r]!;
      for (let j = 0; j < out.length; j++) out[j]! += s * g[j]!;
    }
    return out;
  });
}
