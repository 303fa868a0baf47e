/**
 * Gradients of a depthwise 2D convolution (NHWC, filter `[kh, kw, C, M]`, output channel
 * `c·M + m`) in plain TypeScript on typed arrays. They serve backends that lack the kernels
 * (wasm) and, unlike tfjs's cpu kernels, honour dilation.
 *
 * Both loop over the output positions and the filter taps that land inside the input, with the
 * channel loop innermost so every access is contiguous.
 */
import type { ConvGeometry } from './convGeometry';
import { tapRange } from './convGeometry';

/**
 * dW[kh, kw, c, m] = Σ_{b, oh, ow} x[b, ih, iw, c] · dy[b, oh, ow, c·M + m],
 * with ih = oh·sh + kh·dh − padTop and iw = ow·sw + kw·dw − padLeft.
 *
 * @returns The filter gradient, `[g.filterH, g.filterW, g.inC, M]` flattened.
 */
export function depthwiseBackpropFilterNHWC(
  x: ArrayLike<number>,
  dy: ArrayLike<number>,
  g: ConvGeometry,
): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, filterH, filterW } = g;
  const mult = outC / inC;
  const acc = new Float64Array(filterH * filterW * outC);
  for (let kh = 0; kh < filterH; kh++) {
    const [ohLo, ohHi] = tapRange(kh, g.dilationH, g.padTop, g.strideH, inH, outH);
    for (let kw = 0; kw < filterW; kw++) {
      const [owLo, owHi] = tapRange(kw, g.dilationW, g.padLeft, g.strideW, inW, outW);
      const tap = (kh * filterW + kw) * outC;
      for (let b = 0; b < batch; b++) {
        for (let oh = ohLo; oh < ohHi; oh++) {
          const ih = oh * g.strideH + kh * g.dilationH - g.padTop;
          for (let ow = owLo; ow < owHi; ow++) {
            const iw = ow * g.strideW + kw * g.dilationW - g.padLeft;
            const xOff = ((b * inH + ih) * inW + iw) * inC;
            const dyOff = ((b * outH + oh) * outW + ow) * outC;
            if (mult === 1) {
              for (let c = 0; c < inC; c++)
                acc[tap + c] = acc[tap + c]! + x[xOff + c]! * dy[dyOff + c]!;
            } else {
              for (let c = 0; c < inC; c++) {
                const v = x[xOff + c]!;
                const o = c * mult;
                for (let m = 0; m < mult; m++) {
                  acc[tap + o + m] = acc[tap + o + m]! + v * dy[dyOff + o + m]!;
                }
              }
            }
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}

/**
 * dx[b, ih, iw, c] = Σ_{kh, kw, m} dy[b, oh, ow, c·M + m] · w[kh, kw, c, m] over the output
 * positions (oh, ow) whose tap (kh, kw) reads (ih, iw).
 *
 * @param dy - The output gradient, NHWC.
 * @param w - The depthwise filter, `[kh, kw, C, M]`.
 * @returns The input gradient, `[g.batch, g.inH, g.inW, g.inC]` flattened.
 */
export function depthwiseBackpropInputNHWC(
  dy: ArrayLike<number>,
  w: ArrayLike<number>,
  g: ConvGeometry,
): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, filterH, filterW } = g;
  const mult = outC / inC;
  const dx = new Float32Array(batch * inH * inW * inC);
  for (let kh = 0; kh < filterH; kh++) {
    const [ohLo, ohHi] = tapRange(kh, g.dilationH, g.padTop, g.strideH, inH, outH);
    for (let kw = 0; kw < filterW; kw++) {
      const [owLo, owHi] = tapRange(kw, g.dilationW, g.padLeft, g.strideW, inW, outW);
      const tap = (kh * filterW + kw) * outC;
      for (let b = 0; b < batch; b++) {
        for (let oh = ohLo; oh < ohHi; oh++) {
          const ih = oh * g.strideH + kh * g.dilationH - g.padTop;
          for (let ow = owLo; ow < owHi; ow++) {
            const iw = ow * g.strideW + kw * g.dilationW - g.padLeft;
            const dxOff = ((b * inH + ih) * inW + iw) * inC;
            const dyOff = ((b * outH + oh) * outW + ow) * outC;
            if (mult === 1) {
              for (let c = 0; c < inC; c++)
                dx[dxOff + c] = dx[dxOff + c]! + dy[dyOff + c]! * w[tap + c]!;
            } else {
              for (let c = 0; c < inC; c++) {
                const o = c * mult;
                let s = 0;
                for (let m = 0; m < mult; m++) s += dy[dyOff + o + m]! * w[tap + o + m]!;
                dx[dxOff + c] = dx[dxOff + c]! + s;
              }
            }
          }
        }
      }
    }
  }
  return dx;
}
