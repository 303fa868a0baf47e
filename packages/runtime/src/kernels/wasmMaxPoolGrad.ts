/**
 * MaxPoolGrad for the wasm backend. tfjs's own wasm kernel routes the gradient wrongly for some
 * windows whose maximum is ≤ 0 (after a leaky ReLU or an ELU, say), while its cpu kernel is right;
 * this one follows the cpu kernel's rule exactly: each output's gradient goes to the first
 * position (row-major within the window) holding the window's maximum, padding excluded.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { kernelInput, type KernelArgs } from './kernelArgs';

interface PoolAttrs {
  readonly filterSize: number | [number, number];
  readonly strides: number | [number, number];
  readonly pad: 'valid' | 'same' | number;
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * The input gradient of a 2D max-pool (NHWC), on plain arrays.
 *
 * @param x the pool's input values, `info.inShape` row-major.
 * @param dy the gradient of the pool's output, `[batch, outH, outW, channels]` row-major.
 */
export function maxPoolBackpropNHWC(
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
  info: tf.backend_util.Conv2DInfo,
): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const fh = info.effectiveFilterHeight;
  const fw = info.effectiveFilterWidth;
  const dx = new Float32Array(batchSize * inHeight * inWidth * c);
  for (let b = 0; b < batchSize; b++) {
    const xBase = b * inHeight * inWidth * c;
    for (let oy = 0; oy < outHeight; oy++) {
      const y0 = oy * strideHeight - info.padInfo.top;
      const yMin = Math.max(0, y0);
      const yMax = Math.min(inHeight, fh + y0);
      for (let ox = 0; ox < outWidth; ox++) {
        const x0 = ox * strideWidth - info.padInfo.left;
        const xMin = Math.max(0, x0);
        const xMax = Math.min(inWidth, fw + x0);
        const dyBase = ((b * outHeight + oy) * outWidth + ox) * c;
        for (let ch = 0; ch < c; ch++) {
          let best = Number.NEGATIVE_INFINITY;
          let at = -1;
          for (let y = yMin; y < yMax; y += dilationHeight) {
            for (let xx = xMin; xx < xMax; xx += dilationWidth) {
              const i = xBase + (y * inWidth + xx) * c + ch;
              const v = x[i]!;
              if (v > best) {
                best = v;
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] = dx[at]! + dy[dyBase + ch]!;
        }
      }
    }
  }
  return dx;
}

/** The kernel function: inputs `dy`, `input` (the pool's input), `output`. */
function maxPoolGrad(args: KernelArgs): tf.TensorInfo {
  const kernel = 'MaxPoolGrad';
  const backend = args.backend as BackendWasm;
  const dy = kernelInput(args, 'dy', kernel);
  const input = kernelInput(args, 'input', kernel);
  // tfjs types attrs as a generic attribute map; MaxPoolGrad always receives these keys.
  const attrs = (args.attrs ?? {}) as unknown as PoolAttrs;
  if (input.shape.length !== 4) throw new Error(`${kernel}: expected a 4D NHWC input`);
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const dx = maxPoolBackpropNHWC(
    backend.typedArrayFromHeap(input),
    backend.typedArrayFromHeap(dy),
    info,
  );
  const out = backend.makeOutput(input.shape, 'float32');
  backend.typedArrayFromHeap(out).set(dx);
  return out;
}

/** The wasm MaxPoolGrad kernel config (replaces tfjs's, see the module comment). */
export const WASM_MAX_POOL_GRAD: tf.KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  kernelFunc: maxPoolGrad,
};
