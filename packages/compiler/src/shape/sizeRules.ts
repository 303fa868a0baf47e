/**
 * TensorFlow's output-size rules for one spatial axis. Every division by a stride above 1 is
 * reported to a `DivisionSink`, so the compiler can tell whether downsampling was exact and, for
 * open sizes, which sizes make it exact.
 */
import type { Padding } from '../catalogue/common';
import type { Dim } from './dim';
import { dimAdd, dimCeilDiv, dimFloorDiv, dimMul } from './dimMath';

/** One division of a size by a stride: exact when `numerator` is a multiple of `divisor`. */
export interface SizeDivision {
  /** Spatial axis (0-based). */
  readonly axis: number;
  /** The size entering the layer. */
  readonly input: Dim;
  /** What is divided: the input, less the window or the dilated kernel for valid padding. */
  readonly numerator: Dim;
  readonly divisor: number;
}

/** Receives every division a size rule performs. */
export type DivisionSink = (division: SizeDivision) => void;

/**
 * Convolution: `same` gives ceil(n / s); `valid` gives ceil((n − (k − 1)·d) / s).
 * @example convSize(572, 3, 1, 1, 'valid', 0) // 570
 */
export function convSize(
  n: Dim,
  kernel: number,
  stride: number,
  dilation: number,
  padding: Padding,
  axis: number,
  sink?: DivisionSink,
): Dim {
  const numerator = padding === 'same' ? n : dimAdd(n, -(kernel - 1) * dilation);
  if (stride > 1) sink?.({ axis, input: n, numerator, divisor: stride });
  return dimCeilDiv(numerator, stride);
}

/**
 * Pooling: `same` gives ceil(n / s); `valid` gives floor((n − w) / s) + 1.
 * @example poolSize(568, 2, 2, 'valid', 0) // 284
 */
export function poolSize(
  n: Dim,
  window: number,
  stride: number,
  padding: Padding,
  axis: number,
  sink?: DivisionSink,
): Dim {
  if (padding === 'same') {
    if (stride > 1) sink?.({ axis, input: n, numerator: n, divisor: stride });
    return dimCeilDiv(n, stride);
  }
  const numerator = dimAdd(n, -window);
  if (stride > 1) sink?.({ axis, input: n, numerator, divisor: stride });
  return dimAdd(dimFloorDiv(numerator, stride), 1);
}

/**
 * Transposed convolution (Keras `deconv_output_length`): `same` gives n·s; `valid` gives
 * n·s + max(k − s, 0).
 */
export function convTransposeSize(n: Dim, kernel: number, stride: number, padding: Padding): Dim {
  const grown = dimMul(n, stride);
  return padding === 'same' ? grown : dimAdd(grown, Math.max(kernel - stride, 0));
}

/** Interpolation upsampling: n·f. */
export function upsampleSize(n: Dim, factor: number): Dim {
  return dimMul(n, factor);
}
