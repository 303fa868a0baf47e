/**
 * Convolution geometry shared by the gradient kernels: sizes, strides, dilations and the
 * resolved padding of a 2D convolution in NHWC layout, as tfjs computes them for the forward op.
 */
import * as tf from '@tensorflow/tfjs';

/** Everything a 2D convolution's gradient needs to know about its forward pass. */
export interface ConvGeometry {
  readonly batch: number;
  readonly inH: number;
  readonly inW: number;
  readonly inC: number;
  readonly outH: number;
  readonly outW: number;
  /** Output channels (for a depthwise conv: inC × channel multiplier). */
  readonly outC: number;
  readonly filterH: number;
  readonly filterW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly padTop: number;
  readonly padLeft: number;
}

/** Padding as tfjs kernels receive it. */
export type KernelPad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;

/**
 * Resolves the geometry of a conv from its input and filter shapes, using tfjs's own rules
 * (`backend_util.computeConv2DInfo`), so the gradients agree with the forward pass exactly.
 *
 * @param xShape - `[batch, height, width, channels]`.
 * @param filterShape - `[kh, kw, in, out]` (regular) or `[kh, kw, in, multiplier]` (depthwise).
 * @param depthwise - Whether the filter is a depthwise one.
 */
export function convGeometry(
  xShape: readonly number[],
  filterShape: readonly number[],
  strides: number | [number, number],
  dilations: number | [number, number],
  pad: KernelPad,
  dimRoundingMode: 'floor' | 'round' | 'ceil' | undefined,
  depthwise: boolean,
): ConvGeometry {
  if (xShape.length !== 4 || filterShape.length !== 4) {
    throw new Error(
      `convolution gradient: expected rank-4 input and filter, got [${xShape.join(', ')}] and [${filterShape.join(', ')}]`,
    );
  }
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    strides,
    dilations,
    pad,
    dimRoundingMode,
    depthwise,
    'channelsLast',
  );
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    filterH: info.filterHeight,
    filterW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    dilationH: info.dilationHeight,
    dilationW: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/** The valid range `[lo, hi)` of output positions whose tap `k` lands inside the input. */
export function tapRange(
  k: number,
  dilation: number,
  pad: number,
  stride: number,
  inSize: number,
  outSize: number,
): [number, number] {
  const offset = k * dilation - pad;
  // Need 0 <= o*stride + offset < inSize.
  const lo = Math.max(0, Math.ceil(-offset / stride));
  const hi = Math.min(outSize, Math.ceil((inSize - offset) / stride));
  return [lo, Math.max(lo, hi)];
}
