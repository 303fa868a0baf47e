/**
 * Batch normalisation in training mode on channels-last typed arrays: the batch statistics and
 * the normalised output in one pass each, and the closed-form backward pass
 *
 *   x̂ = (x − μ)·r,  r = 1/√(σ² + ε),  y = γ·x̂ + β
 *   dβ = Σ dy,  dγ = Σ dy·x̂,  dx = γ·r/N · (N·dy − Σ dy − x̂·Σ dy·x̂)
 *
 * (sums per channel over the N = size / channels positions), plus the terms that gradients
 * reaching the returned μ and σ² add: dμ/N and dσ²·2(x − μ)/N. It replaces tfjs's
 * moments + FusedBatchNorm graph, whose gradient is some ten kernels per layer, and on wasm a
 * transpose of the whole tensor for every per-channel sum.
 *
 * Sums accumulate in float64; the variance is the biased one (tfjs's `moments`, PyTorch's
 * normalisation in training).
 */
import { channelAffine, channelGradSums, channelMoments } from './channelLoops';

/** Per-channel values of a forward pass: the statistics it normalised with. */
export interface BatchStats {
  readonly mean: Float32Array;
  readonly variance: Float32Array;
}

/**
 * Normalises `x` ([..., C] flattened) with its own per-channel mean and variance.
 *
 * @param y - Receives the output, same length as `x`.
 * @param stats - Receives the batch mean and (biased) variance, `channels` long each.
 */
export function batchNormForward(
  x: Float32Array,
  channels: number,
  scale: Float32Array,
  offset: Float32Array,
  epsilon: number,
  y: Float32Array,
  stats: BatchStats,
): void {
  const n = x.length / channels;
  const sum = new Float64Array(channels);
  const squares = new Float64Array(channels);
  // Sums of x − x[first position] keep E[x²] − E[x]² clear of cancellation.
  const shift = x.slice(0, channels);
  channelMoments(x, channels, shift, sum, squares);
  const a = new Float32Array(channels);
  const { mean } = stats;
  for (let c = 0; c < channels; c++) {
    const m = sum[c]! / n;
    const variance = Math.max(0, squares[c]! / n - m * m);
    mean[c] = m + shift[c]!;
    stats.variance[c] = variance;
    a[c] = scale[c]! / Math.sqrt(variance + epsilon);
  }
  channelAffine(y, null, a, x, mean, a, offset, channels);
}

/** What the backward pass needs besides the output gradient. */
export interface BatchNormSaved extends BatchStats {
  readonly x: Float32Array;
  readonly scale: Float32Array;
  readonly epsilon: number;
}

/** Gradients of a {@link batchNormForward}. */
export interface BatchNormGrads {
  readonly dx: Float32Array;
  readonly dScale: Float32Array;
  readonly dOffset: Float32Array;
}

/**
 * The backward pass of {@link batchNormForward}, writing into `out`. `dMean` and `dVariance` are
 * the gradients that reach the returned statistics, or null when none does.
 */
export function batchNormBackward(
  dy: Float32Array,
  saved: BatchNormSaved,
  dMean: Float32Array | null,
  dVariance: Float32Array | null,
  out: BatchNormGrads,
): void {
  const { x, mean, variance, scale } = saved;
  const channels = mean.length;
  const n = x.length / channels;
  const sumDy = new Float64Array(channels);
  const sumDyXc = new Float64Array(channels);
  channelGradSums(dy, x, channels, mean, sumDy, sumDyXc);
  // dx = dy·A + (x − μ)·B + C per channel.
  const A = new Float32Array(channels);
  const B = new Float32Array(channels);
  const C = new Float32Array(channels);
  for (let c = 0; c < channels; c++) {
    const r = 1 / Math.sqrt(variance[c]! + saved.epsilon);
    const gr = scale[c]! * r;
    out.dOffset[c] = sumDy[c]!;
    out.dScale[c] = sumDyXc[c]! * r;
    A[c] = gr;
    B[c] = -gr * r * r * (sumDyXc[c]! / n) + (dVariance === null ? 0 : (2 * dVariance[c]!) / n);
    C[c] = -gr * (sumDy[c]! / n) + (dMean === null ? 0 : dMean[c]! / n);
  }
  channelAffine(out.dx, dy, A, x, mean, B, C, channels);
}
