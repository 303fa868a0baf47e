/**
 * Conv2DBackpropInput for the wasm backend on XNNPACK, replacing tfjs's plain C++ loops (the
 * largest kernel of a wasm training step, and the forward pass of every transposed conv).
 *
 * Algorithm: polyphase decomposition. With stride s, the input-gradient rows ih whose
 * (ih + padTop) mod s = p receive only the filter taps kh ≡ p (mod s), so each of the s_h·s_w
 * phases is a stride-1 correlation of dy with a flipped, channel-swapped sub-filter. Each phase
 * runs on wasm's Conv2D kernel and is scattered into its rows and columns of dx. With stride 1
 * there is one phase and no scatter.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { inputGradCall, type KernelArgs } from './kernelArgs';
import { runWasmKernel } from './wasmHeap';

/** One phase along one axis: which filter taps, which rows of dx, and the conv padding. */
export interface PhaseAxis {
  /** Filter indices in the order the phase filter uses them. */
  readonly taps: readonly number[];
  /** dx index of phase row i is i·stride + offset. */
  readonly offset: number;
  readonly count: number;
  readonly padBefore: number;
  readonly padAfter: number;
  /** Rows of dy to drop at each end when a pad would be negative. */
  readonly cropBefore: number;
  readonly cropAfter: number;
}

/**
 * The phase `p` of an axis with filter size `k`, stride `s`, forward top/left padding `pad`, dx
 * size `inSize` and dy size `outSize`; null when the phase receives nothing.
 */
export function phaseAxis(
  p: number,
  k: number,
  s: number,
  pad: number,
  inSize: number,
  outSize: number,
): PhaseAxis | null {
  const j = Math.max(0, Math.ceil((k - p) / s));
  if (j === 0) return null;
  const delta = p - pad;
  const m0 = Math.ceil(-delta / s);
  const count = Math.floor((inSize - 1 - delta) / s) - m0 + 1;
  if (count <= 0) return null;
  const taps = Array.from({ length: j }, (_, t) => p + (j - 1 - t) * s);
  const before = j - 1 - m0;
  const after = count + j - 1 - outSize - before;
  return {
    taps,
    offset: m0 * s + delta,
    count,
    padBefore: Math.max(0, before),
    padAfter: Math.max(0, after),
    cropBefore: Math.max(0, -before),
    cropAfter: Math.max(0, -after),
  };
}

/** Conv2DBackpropInput on wasm (NHWC). */
export function wasmConv2DBackpropInput(args: KernelArgs): tf.TensorInfo {
  const kernel = 'Conv2DBackpropInput';
  const backend = args.backend as BackendWasm;
  const { dy, filter, inputShape, g } = inputGradCall(args, kernel, false);
  const { batch, inC, outC, filterH, filterW, strideH, strideW } = g;
  const single = strideH === 1 && strideW === 1;
  const dx = single ? null : backend.makeOutput(inputShape, 'float32');
  if (dx !== null) backend.typedArrayFromHeap(dx).fill(0);
  for (let ph = 0; ph < strideH; ph++) {
    const ay = phaseAxis(ph, filterH, strideH, g.padTop, g.inH, g.outH);
    if (ay === null) continue;
    for (let pw = 0; pw < strideW; pw++) {
      const ax = phaseAxis(pw, filterW, strideW, g.padLeft, g.inW, g.outW);
      if (ax === null) continue;
      const f = backend.makeOutput([ay.taps.length, ax.taps.length, outC, inC], 'float32');
      const w = backend.typedArrayFromHeap(filter);
      const fv = backend.typedArrayFromHeap(f);
      ay.taps.forEach((kh, th) => {
        ax.taps.forEach((kw, tw) => {
          const src = (kh * filterW + kw) * inC * outC;
          const dst = (th * ax.taps.length + tw) * outC * inC;
          for (let ci = 0; ci < inC; ci++)
            for (let co = 0; co < outC; co++) fv[dst + co * inC + ci] = w[src + ci * outC + co]!;
        });
      });
      const cropped = ay.cropBefore + ay.cropAfter + ax.cropBefore + ax.cropAfter > 0;
      const x = cropped
        ? runWasmKernel('Slice', { x: dy }, backend, {
            begin: [0, ay.cropBefore, ax.cropBefore, 0],
            size: [
              batch,
              g.outH - ay.cropBefore - ay.cropAfter,
              g.outW - ax.cropBefore - ax.cropAfter,
              outC,
            ],
          })
        : dy;
      let phase: tf.TensorInfo;
      try {
        phase = runWasmKernel('Conv2D', { x, filter: f }, backend, {
          strides: 1,
          dilations: 1,
          dataFormat: 'NHWC',
          pad: [
            [0, 0],
            [ay.padBefore, ay.padAfter],
            [ax.padBefore, ax.padAfter],
            [0, 0],
          ],
        });
      } finally {
        backend.disposeData(f.dataId);
        if (cropped) backend.disposeData(x.dataId);
      }
      if (dx === null) return phase;
      const pv = backend.typedArrayFromHeap(phase);
      const out = backend.typedArrayFromHeap(dx);
      for (let b = 0; b < batch; b++) {
        for (let i = 0; i < ay.count; i++) {
          const row = (b * g.inH + i * strideH + ay.offset) * g.inW;
          for (let j = 0; j < ax.count; j++) {
            const s = ((b * ay.count + i) * ax.count + j) * inC;
            out.set(pv.subarray(s, s + inC), (row + j * strideW + ax.offset) * inC);
          }
        }
      }
      backend.disposeData(phase.dataId);
    }
  }
  if (dx === null)
    throw new Error(`${kernel}: the stride-1 gradient has no phase (filter ${filterH}×${filterW})`);
  return dx;
}
