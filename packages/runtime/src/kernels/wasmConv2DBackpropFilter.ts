/**
 * Conv2DBackpropFilter for the wasm backend (tfjs has none, tfjs-facts §2.2), on XNNPACK in one
 * of two formulations:
 *
 * - By grid, when filter taps overlap (a 3×3 conv): one matrix product per tap on the grids of
 *   filterGradGrid.ts, dW[kh, kw] = G_phase[:, offset : offset + Q] · DY_grid, [inC × Q] ·
 *   [Q × outC]. The output gradient is packed into XNNPACK's layout once and serves every tap;
 *   the left operand is a window into the phase grid, so no tap copies its input.
 * - By convolution, when they do not (1×1, or kernel = stride as in a transposed conv's
 *   weights): a convolution of the transposed input [inC, H, W, B] with the transposed output
 *   gradient [outH, outW, B, outC] as its filter, stride = the forward dilation and dilation =
 *   the forward stride, cropped to the filter size. It reads each position once, where the grid
 *   would gather the input in JavaScript first; with overlapping taps XNNPACK runs its
 *   outH × outW-tap filter over only `batch` channels slowly, and the grid wins.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { ConvGeometry } from './convGeometry';
import { dyOnGrid, filterGradGrid, gatherPhaseGrid, type FilterGradGrid } from './filterGradGrid';
import { filterGradCall, type KernelArgs } from './kernelArgs';
import { heapFloats, heapView, releaseHeapView, runWasmKernel } from './wasmHeap';

function byGrid(
  backend: BackendWasm,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: ConvGeometry,
  grid: FilterGradGrid,
  out: tf.TensorInfo,
): void {
  const { inC, outC } = g;
  const Q = grid.cells;
  const dyGrid = grid.dyIsGrid ? null : backend.makeOutput([Q, outC], 'float32');
  if (dyGrid !== null) dyOnGrid(heapFloats(backend, dy), g, grid, heapFloats(backend, dyGrid));
  // A view of its own, so the XNNPACK operator cached on it goes when the view is released.
  const right = heapView(backend, dyGrid ?? dy, 0, [1, Q, outC]);
  try {
    grid.phases.forEach((_, phase) => {
      const planes = backend.makeOutput([inC * Q + grid.slack], 'float32');
      try {
        gatherPhaseGrid(heapFloats(backend, x), g, grid, phase, heapFloats(backend, planes));
        for (const tap of grid.taps) {
          if (tap.phase !== phase) continue;
          const left = heapView(backend, planes, tap.offset, [1, inC, Q]);
          let product: tf.TensorInfo;
          try {
            const attrs = { transposeA: false, transposeB: false };
            product = runWasmKernel('BatchMatMul', { a: left, b: right }, backend, attrs);
          } finally {
            releaseHeapView(backend, left);
          }
          const start = (tap.kh * g.filterW + tap.kw) * inC * outC;
          heapFloats(backend, out).set(heapFloats(backend, product), start);
          backend.disposeData(product.dataId);
        }
      } finally {
        backend.disposeData(planes.dataId);
      }
    });
  } finally {
    releaseHeapView(backend, right);
    if (dyGrid !== null) backend.disposeData(dyGrid.dataId);
  }
}

function byConvolution(
  backend: BackendWasm,
  x: tf.TensorInfo,
  dy: tf.TensorInfo,
  g: ConvGeometry,
  out: tf.TensorInfo,
): void {
  const xT = runWasmKernel('Transpose', { x }, backend, { perm: [3, 1, 2, 0] });
  const dyT = runWasmKernel('Transpose', { x: dy }, backend, { perm: [1, 2, 0, 3] });
  // Pad the far side just enough for kh (kw) output rows; rows beyond that are cropped below.
  const padBottom = (g.filterH - 1) * g.dilationH + (g.outH - 1) * g.strideH + 1 - g.inH;
  const padRight = (g.filterW - 1) * g.dilationW + (g.outW - 1) * g.strideW + 1 - g.inW;
  let raw: tf.TensorInfo;
  try {
    raw = runWasmKernel('Conv2D', { x: xT, filter: dyT }, backend, {
      strides: [g.dilationH, g.dilationW],
      dilations: [g.strideH, g.strideW],
      pad: [
        [0, 0],
        [g.padTop, Math.max(0, padBottom - g.padTop)],
        [g.padLeft, Math.max(0, padRight - g.padLeft)],
        [0, 0],
      ],
      dataFormat: 'NHWC',
    });
  } finally {
    backend.disposeData(xT.dataId);
    backend.disposeData(dyT.dataId);
  }
  const src = heapFloats(backend, raw);
  const dst = heapFloats(backend, out);
  const [, rawH, rawW] = raw.shape as [number, number, number, number];
  const { filterH, filterW, inC, outC } = g;
  for (let kh = 0; kh < filterH; kh++) {
    for (let kw = 0; kw < filterW; kw++) {
      for (let c = 0; c < inC; c++) {
        const s = ((c * rawH + kh) * rawW + kw) * outC;
        dst.set(src.subarray(s, s + outC), ((kh * filterW + kw) * inC + c) * outC);
      }
    }
  }
  backend.disposeData(raw.dataId);
}

/** Conv2DBackpropFilter on wasm (NHWC). */
export function wasmConv2DBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const kernel = 'Conv2DBackpropFilter';
  const backend = args.backend as BackendWasm;
  const { x, dy, filterShape, g } = filterGradCall(args, kernel, false);
  const grid = filterGradGrid(g);
  const out = backend.makeOutput(filterShape, 'float32');
  const overlapping = grid.taps.length > grid.phases.length;
  if (overlapping) byGrid(backend, x, dy, g, grid, out);
  else byConvolution(backend, x, dy, g, out);
  return out;
}
