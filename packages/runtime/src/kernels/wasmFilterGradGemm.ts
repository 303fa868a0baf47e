/**
 * Conv2DBackpropFilter for wasm as one matrix product on wasm's BatchMatMul (XNNPACK GEMM):
 * dW [kh·kw·inC × outC] = X_colᵀ [kh·kw·inC × P] · DY [P × outC], P = batch·outH·outW. X_colᵀ
 * (im2col, transposed, zeros in the padding) is gathered in TypeScript straight onto the wasm
 * heap; DY is dy itself, no copy. Large inputs are processed in row blocks of at most
 * {@link MAX_BLOCK_FLOATS} im2col values, accumulating the products.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { ConvGeometry } from './convGeometry';
import { tapRange } from './convGeometry';

/** Largest im2col block, in floats (32 MiB). */
export const MAX_BLOCK_FLOATS = 8 * 1024 * 1024;

/** Runs wasm's BatchMatMul a · b (no transposes). */
type MatMul = (a: tf.TensorInfo, b: tf.TensorInfo) => tf.TensorInfo;

/** Writes rows [r0, r1) of (batch·outH) into the im2col block `col` ([K × (r1−r0)·outW]). */
function gather(x: Float32Array, col: Float32Array, g: ConvGeometry, r0: number, r1: number): void {
  const { inH, inW, inC, outH, outW, filterW } = g;
  const cols = (r1 - r0) * outW;
  col.fill(0);
  for (let kh = 0; kh < g.filterH; kh++) {
    const [ohLo, ohHi] = tapRange(kh, g.dilationH, g.padTop, g.strideH, inH, outH);
    for (let kw = 0; kw < filterW; kw++) {
      const [owLo, owHi] = tapRange(kw, g.dilationW, g.padLeft, g.strideW, inW, outW);
      const rowBase = (kh * filterW + kw) * inC * cols;
      for (let r = r0; r < r1; r++) {
        const oh = r % outH;
        if (oh < ohLo || oh >= ohHi) continue;
        const b = (r - oh) / outH;
        const ih = oh * g.strideH + kh * g.dilationH - g.padTop;
        const colBase = rowBase + (r - r0) * outW;
        for (let ow = owLo; ow < owHi; ow++) {
          const src = ((b * inH + ih) * inW + ow * g.strideW + kw * g.dilationW - g.padLeft) * inC;
          for (let c = 0; c < inC; c++) col[colBase + c * cols + ow] = x[src + c]!;
        }
      }
    }
  }
}

/**
 * The filter gradient `[kh, kw, inC, outC]` of a conv with geometry `g`, for input `x` and
 * output gradient `dy` on the wasm backend.
 */
export function filterGradGemm(backend: BackendWasm, matMul: MatMul, x: tf.TensorInfo, dy: tf.TensorInfo, g: ConvGeometry, filterShape: number[]): tf.TensorInfo {
  const k = g.filterH * g.filterW * g.inC;
  const rows = g.batch * g.outH;
  const blockRows = Math.max(1, Math.min(rows, Math.floor(MAX_BLOCK_FLOATS / (k * g.outW))));
  let total: Float32Array | null = null;
  for (let r0 = 0; r0 < rows; r0 += blockRows) {
    const r1 = Math.min(rows, r0 + blockRows);
    const cols = (r1 - r0) * g.outW;
    const col = backend.makeOutput([1, k, cols], 'float32');
    const whole = r0 === 0 && r1 === rows;
    const dyBlock = whole ? { dataId: dy.dataId, shape: [1, cols, g.outC], dtype: dy.dtype } : backend.makeOutput([1, cols, g.outC], 'float32');
    if (!whole) {
      const start = r0 * g.outW * g.outC;
      backend.typedArrayFromHeap(dyBlock).set(backend.typedArrayFromHeap(dy).subarray(start, start + cols * g.outC));
    }
    // Heap views after the allocations: an allocation may grow (and detach) the heap.
    gather(backend.typedArrayFromHeap(x) as Float32Array, backend.typedArrayFromHeap(col) as Float32Array, g, r0, r1);
    let product: tf.TensorInfo;
    try {
      product = matMul(col, dyBlock);
    } finally {
      backend.disposeData(col.dataId);
      if (!whole) backend.disposeData(dyBlock.dataId);
    }
    if (whole) return { dataId: product.dataId, shape: filterShape, dtype: 'float32' };
    const values = backend.typedArrayFromHeap(product);
    if (total === null) total = Float32Array.from(values);
    else for (let i = 0; i < total.length; i++) total[i] = total[i]! + values[i]!;
    backend.disposeData(product.dataId);
  }
  const out = backend.makeOutput(filterShape, 'float32');
  backend.typedArrayFromHeap(out).set(total!);
  return out;
}
