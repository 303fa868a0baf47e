/**
 * Bilinear resizing with a correct gradient. tfjs's forward `resizeBilinear` honours
 * `halfPixelCenters`, but its gradient kernels (cpu, wasm, webgl) ignore it and differentiate the
 * legacy asymmetric mapping instead, and the cpu kernel also swaps height and width in the
 * gradient's shape. Here the forward pass is tfjs's; the gradient is the exact adjoint, applied as
 * two small matrix products (one per spatial axis) with the interpolation matrices.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * The `[out, in]` matrix of 1D linear interpolation, row `o` holding the weights of output `o`.
 * `alignCorners`: PyTorch `align_corners=True`; otherwise half-pixel centres (PyTorch's default).
 */
export function interpolationMatrix(
  inSize: number,
  outSize: number,
  alignCorners: boolean,
): Float32Array {
  const m = new Float32Array(outSize * inSize);
  for (let o = 0; o < outSize; o++) {
    let src: number;
    if (alignCorners) src = outSize > 1 ? (o * (inSize - 1)) / (outSize - 1) : 0;
    else src = Math.max((o + 0.5) * (inSize / outSize) - 0.5, 0);
    const i0 = Math.min(Math.floor(src), inSize - 1);
    const i1 = Math.min(i0 + 1, inSize - 1);
    const lerp = src - i0;
    m[o * inSize + i0] = (m[o * inSize + i0] ?? 0) + (1 - lerp);
    m[o * inSize + i1] = (m[o * inSize + i1] ?? 0) + lerp;
  }
  return m;
}

/** Applies `a` (`[m, n]`) along `axis` (1 or 2) of a `[b, h, w, c]` tensor. */
function alongAxis(x: tf.Tensor4D, a: tf.Tensor2D, axis: 1 | 2): tf.Tensor4D {
  const perm = axis === 1 ? [1, 0, 2, 3] : [2, 0, 1, 3];
  const moved = tf.transpose(x, perm);
  const [n = 0, ...rest] = moved.shape;
  const product = tf.matMul(a, tf.reshape(moved, [n, -1]));
  const back = tf.reshape<tf.Rank.R4>(product, [a.shape[0], ...rest]);
  return tf.transpose(back, axis === 1 ? [1, 0, 2, 3] : [1, 2, 0, 3]);
}

/**
 * Resizes NHWC `x` bilinearly to `size`; differentiable with the exact gradient on every backend.
 *
 * @param alignCorners - true: PyTorch `align_corners=True`; false: half-pixel centres.
 */
export function resizeBilinearTrainable(
  x: tf.Tensor4D,
  size: readonly [number, number],
  alignCorners: boolean,
): tf.Tensor4D {
  const [outH, outW] = size;
  const [, inH = 1, inW = 1] = x.shape;
  const resize = tf.customGrad<tf.Tensor4D>((...args) => {
    const images = args[0] as tf.Tensor4D;
    const value = tf.image.resizeBilinear(images, [outH, outW], alignCorners, !alignCorners);
    const gradFunc = (dy: tf.Tensor4D) =>
      tf.tidy(() => {
        const mh = tf.tensor2d(interpolationMatrix(inH, outH, alignCorners), [outH, inH]);
        const mw = tf.tensor2d(interpolationMatrix(inW, outW, alignCorners), [outW, inW]);
        return alongAxis(alongAxis(dy, mw.transpose(), 2), mh.transpose(), 1);
      });
    return { value, gradFunc };
  });
  return resize(x);
}
