/**
 * The weight gradient of a 2D convolution in plain TypeScript on typed arrays, for backends that
 * have no fast one (tfjs's cpu kernel reads every element through `TensorBuffer.get`).
 *
 * Algorithm: im2col + GEMM. For each filter tap (kh, kw) the input pixels that tap touches are
 * gathered into a channel-major matrix X_tap [inC × P] (P = batch · outH · outW, zeros where the
 * tap falls in the padding); the output gradient is transposed once into DY [outC × P]; then
 * dW[kh, kw] = X_tap · DYᵀ, computed in P-blocks with 2×2 register tiles and float64 accumulators.
 */
import type { ConvGeometry } from './convGeometry';
import { tapRange } from './convGeometry';

/** Positions per block: two rows of this many floats from each operand stay in L1. */
const BLOCK = 256;

/**
 * dW[kh, kw, ci, co] = Σ_{b, oh, ow} x[b, oh·sh + kh·dh − padTop, ow·sw + kw·dw − padLeft, ci] · dy[b, oh, ow, co].
 *
 * @param x - The forward input, NHWC, `g.batch × g.inH × g.inW × g.inC` values.
 * @param dy - The output gradient, NHWC, `g.batch × g.outH × g.outW × g.outC` values.
 * @returns The filter gradient, `[g.filterH, g.filterW, g.inC, g.outC]` flattened.
 */
export function conv2dBackpropFilterNHWC(
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
  g: ConvGeometry,
): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, filterH, filterW } = g;
  const positions = batch * outH * outW;
  const dyT = new Float32Array(outC * positions);
  for (let p = 0; p < positions; p++) {
    const base = p * outC;
    for (let c = 0; c < outC; c++) dyT[c * positions + p] = dy[base + c]!;
  }
  const dw = new Float32Array(filterH * filterW * inC * outC);
  const xT = new Float32Array(inC * positions);
  const acc = new Float64Array(inC * outC);
  for (let kh = 0; kh < filterH; kh++) {
    const [ohLo, ohHi] = tapRange(kh, g.dilationH, g.padTop, g.strideH, inH, outH);
    for (let kw = 0; kw < filterW; kw++) {
      const [owLo, owHi] = tapRange(kw, g.dilationW, g.padLeft, g.strideW, inW, outW);
      if (ohLo >= ohHi || owLo >= owHi) continue;
      xT.fill(0);
      for (let b = 0; b < batch; b++) {
        for (let oh = ohLo; oh < ohHi; oh++) {
          const ih = oh * g.strideH + kh * g.dilationH - g.padTop;
          const rowBase = (b * inH + ih) * inW;
          for (let ow = owLo; ow < owHi; ow++) {
            const iw = ow * g.strideW + kw * g.dilationW - g.padLeft;
            const src = (rowBase + iw) * inC;
            const p = (b * outH + oh) * outW + ow;
            for (let c = 0; c < inC; c++) xT[c * positions + p] = x[src + c]!;
          }
        }
      }
      acc.fill(0);
      gemmABt(xT, dyT, inC, outC, positions, acc);
      const tap = (kh * filterW + kw) * inC * outC;
      for (let i = 0; i < acc.length; i++) dw[tap + i] = acc[i]!;
    }
  }
  return dw;
}

/**
 * acc[i·n + j] += Σ_p a[i·len + p] · b[j·len + p], for i < m, j < n: a GEMM with both operands
 * row-major over the reduction axis, tiled 2×2 and blocked over p.
 */
export function gemmABt(
  a: Float32Array,
  b: Float32Array,
  m: number,
  n: number,
  len: number,
  acc: Float64Array,
): void {
  for (let p0 = 0; p0 < len; p0 += BLOCK) {
    const p1 = Math.min(len, p0 + BLOCK);
    let i = 0;
    for (; i + 1 < m; i += 2) {
      const a0 = i * len;
      const a1 = a0 + len;
      let j = 0;
      for (; j + 1 < n; j += 2) {
        const b0 = j * len;
        const b1 = b0 + len;
        let s00 = 0;
        let s01 = 0;
        let s10 = 0;
        let s11 = 0;
        for (let p = p0; p < p1; p++) {
          const x0 = a[a0 + p]!;
          const x1 = a[a1 + p]!;
          const y0 = b[b0 + p]!;
          const y1 = b[b1 + p]!;
          s00 += x0 * y0;
          s01 += x0 * y1;
          s10 += x1 * y0;
          s11 += x1 * y1;
        }
        acc[i * n + j] = acc[i * n + j]! + s00;
        acc[i * n + j + 1] = acc[i * n + j + 1]! + s01;
        acc[(i + 1) * n + j] = acc[(i + 1) * n + j]! + s10;
        acc[(i + 1) * n + j + 1] = acc[(i + 1) * n + j + 1]! + s11;
      }
      if (j < n) {
        acc[i * n + j] = acc[i * n + j]! + dot(a, a0, b, j * len, p0, p1);
        acc[(i + 1) * n + j] = acc[(i + 1) * n + j]! + dot(a, a1, b, j * len, p0, p1);
      }
    }
    if (i < m) {
      for (let j = 0; j < n; j++) {
        acc[i * n + j] = acc[i * n + j]! + dot(a, i * len, b, j * len, p0, p1);
      }
    }
  }
}

function dot(
  a: Float32Array,
  aOff: number,
  b: Float32Array,
  bOff: number,
  p0: number,
  p1: number,
): number {
  let s = 0;
  for (let p = p0; p < p1; p++) s += a[aOff + p]! * b[bOff + p]!;
  return s;
}
