/**
 * MaxPoolGrad for the wasm backend. tfjs's own wasm kernel routes the gradient wrongly for some
 * windows whose maximum is ≤ 0 (after a leaky ReLU or an ELU, say), while its cpu kernel is right;
 * this one follows the cpu kernel's rule exactly: each output's gradient goes to the first
 * position (row-major within the window) holding the window's maximum, padding excluded.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { kernelInput, type KernelArgs } from './kernelArgs';
import { heapFloats } from './wasmHeap';

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
 * @param dx receives the gradient; it must hold zeros, `x.length` of them.
 */
export function maxPoolBackpropNHWC(
  x: Float32Array,
  dy: Float32Array,
  info: tf.backend_util.Conv2DInfo,
  dx: Float32Array = new Float32Array(x.length),
): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const fh = info.effectiveFilterHeight;
  const fw = info.effectiveFilterWidth;
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
        // Channels in blocks of up to four, innermost so reads are contiguous; per channel the
        // window is scanned row by row and the first strict maximum wins, as on the cpu backend.
        for (let ch = 0; ch < c; ch += 4) {
          const lanes = Math.min(4, c - ch);
          let best0 = -Infinity;
          let best1 = -Infinity;
          let best2 = -Infinity;
          let best3 = -Infinity;
          let at0 = -1;
          let at1 = -1;
          let at2 = -1;
          let at3 = -1;
          for (let y = yMin; y < yMax; y += dilationHeight) {
            for (let xx = xMin; xx < xMax; xx += dilationWidth) {
              const i = xBase + (y * inWidth + xx) * c + ch;
              const v0 = x[i]!;
              if (v0 > best0) {
                best0 = v0;
                at0 = i;
              }
              if (lanes > 1 && x[i + 1]! > best1) {
                best1 = x[i + 1]!;
                at1 = i + 1;
              }
              if (lanes > 2 && x[i + 2]! > best2) {
                best2 = x[i + 2]!;
                at2 = i + 2;
              }
              if (lanes > 3 && x[i + 3]! > best3) {
                best3 = x[i + 3]!;
                at3 = i + 3;
              }
            }
          }
          const g = dyBase + ch;
          if (at0 >= 0) dx[at0] = dx[at0]! + dy[g]!;
          if (at1 >= 0) dx[at1] = dx[at1]! + dy[g + 1]!;
          if (at2 >= 0) dx[at2] = dx[at2]! + dy[g + 2]!;
          if (at3 >= 0) dx[at3] = dx[at3]! + dy[g + 3]!;
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
  const out = backend.makeOutput(input.shape, 'float32');
  const dx = heapFloats(backend, out);
  dx.fill(0);
  maxPoolBackpropNHWC(heapFloats(backend, input), heapFloats(backend, dy), info, dx);
  return out;
}

/** The wasm MaxPoolGrad kernel config (replaces tfjs's, see the module comment). */
export const WASM_MAX_POOL_GRAD: tf.KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: 'wasm',
  kernelFunc: maxPoolGrad,
};
