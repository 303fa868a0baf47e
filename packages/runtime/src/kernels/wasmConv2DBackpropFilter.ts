/**
 * Conv2DBackpropFilter for the wasm backend (tfjs has none, tfjs-facts §2.2), on XNNPACK: one
 * matrix product per filter tap on the grids of filterGradGrid.ts, dW[kh, kw] =
 * G_phase[:, offset : offset + Q] · DY_grid, [inC × Q] · [Q × outC]. The output gradient is
 * packed into XNNPACK's layout once and serves every tap; the left operand is a window into the
 * phase grid, so no tap copies its input.
 *
 * The same form serves convs whose taps do not overlap (1×1, or kernel = stride as in a
 * transposed conv's weights: one phase per tap). They used to run as one XNNPACK convolution of
 * the transposed input with the transposed output gradient as its filter; per step of the small
 * template the grid takes 7.4 instead of 9.9 ms for those four (`pnpm bench:conv`).
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

/** Conv2DBackpropFilter on wasm (NHWC). */
export function wasmConv2DBackpropFilter(args: KernelArgs): tf.TensorInfo {
  const kernel = 'Conv2DBackpropFilter';
  const backend = args.backend as BackendWasm;
  const { x, dy, filterShape, g } = filterGradCall(args, kernel, false);
  const grid = filterGradGrid(g);
  const out = backend.makeOutput(filterShape, 'float32');
  byGrid(backend, x, dy, g, grid, out);
  return out;
}
