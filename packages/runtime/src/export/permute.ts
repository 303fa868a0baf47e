/**
 * Axis permutation of a dense row-major array: how Keras weight layouts (HWIO, …) become
 * PyTorch's (OIHW, …) without a tensor library.
 */

/** A dense row-major float tensor. */
export interface DenseTensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/**
 * Returns `t` with its axes permuted: output axis `i` is input axis `perm[i]` (numpy's
 * `transpose(perm)`).
 *
 * @example permute({ shape: [2, 3], data }, [1, 0]) // the 3×2 transpose
 */
export function permute(t: DenseTensor, perm: readonly number[]): DenseTensor {
  const rank = t.shape.length;
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) {
    throw new Error(`permute: [${perm.join(', ')}] is not a permutation of ${rank} axes`);
  }
  const shape = perm.map((p) => t.shape[p] ?? 0);
  const inStrides = t.shape.map(() => 1);
  for (let i = rank - 2; i >= 0; i--)
    inStrides[i] = (inStrides[i + 1] ?? 1) * (t.shape[i + 1] ?? 1);
  const strides = perm.map((p) => inStrides[p] ?? 0);
  const out = new Float32Array(t.data.length);
  const index = shape.map(() => 0);
  for (let o = 0; o < out.length; o++) {
    let src = 0;
    for (let a = 0; a < rank; a++) src += (index[a] ?? 0) * (strides[a] ?? 0);
    out[o] = t.data[src] ?? 0;
    for (let a = rank - 1; a >= 0; a--) {
      index[a] = (index[a] ?? 0) + 1;
      if ((index[a] ?? 0) < (shape[a] ?? 0)) break;
      index[a] = 0;
    }
  }
  return { shape, data: out };
}

/** Drops axis `axis` of size 1 (a 1D layer stored as 2D with height 1). */
export function squeezeAxis(t: DenseTensor, axis: number): DenseTensor {
  if (t.shape[axis] !== 1)
    throw new Error(`squeeze: axis ${axis} of [${t.shape.join(', ')}] is not 1`);
  return { shape: t.shape.filter((_, i) => i !== axis), data: t.data };
}
