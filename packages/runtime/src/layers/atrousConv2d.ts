/**
 * Dilated ("atrous") 2D convolution built from ops that all have gradients in tfjs:
 * spaceToBatchND → convolution with 'valid' padding → batchToSpaceND (the algorithm of
 * TensorFlow's `with_space_to_batch`). tfjs refuses the gradient of `conv2d` with dilation > 1,
 * so trainable dilated convs go through here.
 *
 * Padding follows TensorFlow: `same` gives ceil(n / stride) outputs with the odd padding pixel at
 * the end. Strides > 1 are applied by keeping every stride-th output of the stride-1 result.
 */
import * as tf from '@tensorflow/tfjs';

/** Geometry of an atrous convolution. */
export interface AtrousOptions {
  readonly strides: readonly [number, number];
  readonly dilation: readonly [number, number];
  readonly padding: 'same' | 'valid';
  /** True: `filter` is a depthwise kernel `[kh, kw, in, 1]`; false: `[kh, kw, in, out]`. */
  readonly depthwise: boolean;
}

interface AxisPlan {
  /** Zero padding before and after the input on this axis. */
  readonly before: number;
  readonly after: number;
  /** Extra zeros after, so the padded size is a multiple of the dilation. */
  readonly extra: number;
  /** Stride-1 output size, and the final size after striding. */
  readonly full: number;
  readonly out: number;
}

function planAxis(n: number, k: number, s: number, d: number, padding: 'same' | 'valid'): AxisPlan {
  const effective = (k - 1) * d + 1;
  const out = padding === 'same' ? Math.ceil(n / s) : Math.floor((n - effective) / s) + 1;
  const total = padding === 'same' ? Math.max((out - 1) * s + effective - n, 0) : 0;
  const before = Math.floor(total / 2);
  const padded = n + total;
  const full = padded - effective + 1;
  if (out < 1 || full < 1) {
    throw new Error(
      `dilated conv: an input of ${n} is smaller than the dilated kernel (${k} with dilation ${d} spans ${effective})`,
    );
  }
  return { before, after: total - before, extra: (d - (padded % d)) % d, full, out };
}

/**
 * Convolves NHWC `x` with `filter` using dilation, in a way that trains in tfjs.
 *
 * @param x - input `[batch, h, w, in]`.
 * @param filter - `[kh, kw, in, out]`, or `[kh, kw, in, 1]` when `depthwise`.
 * @returns `[batch, h', w', out]` (or `in` channels when depthwise).
 */
export function atrousConv2d(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  options: AtrousOptions,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h = 0, w = 0] = x.shape;
    const [kh = 1, kw = 1] = filter.shape;
    const [sh, sw] = options.strides;
    const [dh, dw] = options.dilation;
    const ph = planAxis(h, kh, sh, dh, options.padding);
    const pw = planAxis(w, kw, sw, dw, options.padding);
    const blocks = tf.spaceToBatchND(
      x,
      [dh, dw],
      [
        [ph.before, ph.after + ph.extra],
        [pw.before, pw.after + pw.extra],
      ],
    );
    const conv = options.depthwise
      ? tf.depthwiseConv2d(blocks, filter, 1, 'valid')
      : tf.conv2d(blocks, filter, 1, 'valid');
    const full = tf.batchToSpaceND<tf.Tensor4D>(
      conv,
      [dh, dw],
      [
        [0, ph.extra],
        [0, pw.extra],
      ],
    );
    if (sh === 1 && sw === 1) return full;
    // Every stride-th output: spaceToBatch puts block offset (0, 0) first in the batch axis.
    // ceil(full / stride) = out, so padding `full` up to out·stride makes it divisible.
    const batch = x.shape[0];
    const strided = tf.spaceToBatchND(
      full,
      [sh, sw],
      [
        [0, ph.out * sh - ph.full],
        [0, pw.out * sw - pw.full],
      ],
    );
    return tf.slice(strided, [0, 0, 0, 0], [batch, ph.out, pw.out, -1]);
  });
}
