/**
 * Averaging of gradients computed by data-parallel replicas: each replica differentiates the mean
 * loss of an equal shard of the batch, so the mean of their gradients is the gradient of the mean
 * loss over the whole batch (for layers that treat examples independently).
 */

/**
 * Averages the gradients of several replicas, variable by variable. Every replica lists its
 * gradients in the same variable order; the result reuses the first replica's arrays.
 *
 * @param replicas One list of gradient arrays per replica.
 * @returns One array per variable: the element-wise mean over the replicas.
 * @throws When there are no replicas, or they disagree on the number or sizes of the gradients.
 * @example averageGradients([[new Float32Array([1, 2])], [new Float32Array([3, 4])]]); // [[2, 3]]
 */
export function averageGradients(replicas: readonly (readonly Float32Array[])[]): Float32Array[] {
  const [first, ...rest] = replicas;
  if (first === undefined) throw new Error('averageGradients: no replicas to average');
  rest.forEach((other, r) => {
    if (other.length !== first.length)
      throw new Error(
        `averageGradients: replica ${r + 1} sent ${other.length} gradients, replica 0 sent ${first.length}`,
      );
  });
  const scale = 1 / replicas.length;
  return first.map((sum, i) => {
    for (const [r, other] of rest.entries()) {
      const g = other[i]!;
      if (g.length !== sum.length)
        throw new Error(
          `averageGradients: gradient ${i} of replica ${r + 1} has ${g.length} values, replica 0's has ${sum.length}`,
        );
      for (let j = 0; j < sum.length; j++) sum[j]! += g[j]!;
    }
    for (let j = 0; j < sum.length; j++) sum[j]! *= scale;
    return sum;
  });
}
