/**
 * Shared helpers for the gradient-kernel tests: seeded data, the convolution cases (odd shapes,
 * strides 1/2, dilations, same/valid, k = 1/2/3) and a tolerance check.
 */
import * as tf from '@tensorflow/tfjs';

/** One convolution configuration to check a gradient kernel on. */
export interface GradCase {
  readonly name: string;
  /** Forward input, NHWC. */
  readonly x: [number, number, number, number];
  readonly k: [number, number];
  /** Output channels (regular conv) or channel multiplier (depthwise). */
  readonly out: number;
  readonly stride: number;
  readonly dilation: number;
  readonly pad: 'same' | 'valid';
}

/** Cases without dilation: what tfjs's gradients can produce. */
export const UNDILATED_CASES: readonly GradCase[] = [
  {
    name: 'k3 s1 same, odd 7×9',
    x: [2, 7, 9, 3],
    k: [3, 3],
    out: 5,
    stride: 1,
    dilation: 1,
    pad: 'same',
  },
  {
    name: 'k3 s2 same, odd 7×9',
    x: [2, 7, 9, 3],
    k: [3, 3],
    out: 4,
    stride: 2,
    dilation: 1,
    pad: 'same',
  },
  {
    name: 'k3 s1 valid, 8×6',
    x: [1, 8, 6, 4],
    k: [3, 3],
    out: 3,
    stride: 1,
    dilation: 1,
    pad: 'valid',
  },
  {
    name: 'k3 s2 valid, odd 9×7',
    x: [3, 9, 7, 2],
    k: [3, 3],
    out: 3,
    stride: 2,
    dilation: 1,
    pad: 'valid',
  },
  {
    name: 'k2 s2 same, 8×8',
    x: [2, 8, 8, 3],
    k: [2, 2],
    out: 6,
    stride: 2,
    dilation: 1,
    pad: 'same',
  },
  {
    name: 'k2 s2 valid, odd 7×7',
    x: [2, 7, 7, 3],
    k: [2, 2],
    out: 2,
    stride: 2,
    dilation: 1,
    pad: 'valid',
  },
  {
    name: 'k2 s1 same, 5×6',
    x: [1, 5, 6, 2],
    k: [2, 2],
    out: 3,
    stride: 1,
    dilation: 1,
    pad: 'same',
  },
  { name: 'k1 s1, 5×5', x: [2, 5, 5, 7], k: [1, 1], out: 4, stride: 1, dilation: 1, pad: 'valid' },
  {
    name: 'k1 s2 same, odd 9×5',
    x: [2, 9, 5, 3],
    k: [1, 1],
    out: 2,
    stride: 2,
    dilation: 1,
    pad: 'same',
  },
  {
    name: 'k3×1 s1 same, 6×7',
    x: [2, 6, 7, 3],
    k: [3, 1],
    out: 2,
    stride: 1,
    dilation: 1,
    pad: 'same',
  },
];

/** Dilated cases (stride 1: tfjs's forward ops reject stride and dilation both above 1). */
export const DILATED_CASES: readonly GradCase[] = [
  {
    name: 'k3 d2 same, odd 9×11',
    x: [2, 9, 11, 3],
    k: [3, 3],
    out: 2,
    stride: 1,
    dilation: 2,
    pad: 'same',
  },
  {
    name: 'k3 d2 valid, 10×9',
    x: [1, 10, 9, 2],
    k: [3, 3],
    out: 1,
    stride: 1,
    dilation: 2,
    pad: 'valid',
  },
  {
    name: 'k2 d3 same, 8×8',
    x: [2, 8, 8, 2],
    k: [2, 2],
    out: 2,
    stride: 1,
    dilation: 3,
    pad: 'same',
  },
];

/** Deterministic pseudo-random values in [-1, 1). */
export function seededValues(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}

/** The forward output shape of a case (regular conv: channels = out; depthwise: C·out). */
export function outputShape(c: GradCase, depthwise: boolean): [number, number, number, number] {
  const info = tf.backend_util.computeConv2DInfo(
    c.x,
    [c.k[0], c.k[1], c.x[3], c.out],
    c.stride,
    c.dilation,
    c.pad,
    undefined,
    depthwise,
  );
  return info.outShape;
}

/** Largest absolute difference, and the largest magnitude of `expected`. */
export function compare(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
): { maxDiff: number; scale: number } {
  if (actual.length !== expected.length) {
    throw new Error(`length ${actual.length} differs from expected ${expected.length}`);
  }
  let maxDiff = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    const d = Number.isFinite(a) ? Math.abs(a - e) : Infinity;
    maxDiff = Math.max(maxDiff, d);
    scale = Math.max(scale, Math.abs(e));
  }
  return { maxDiff, scale };
}

/** Runs a kernel function directly on the active backend and returns its values. */
export function runKernelFunc(
  fn: tf.KernelFunc,
  inputs: Record<string, tf.Tensor>,
  attrs: Record<string, unknown>,
): Float32Array {
  const backend = tf.backend();
  const out = fn({ inputs, backend, attrs: attrs as tf.NamedAttrMap });
  if (Array.isArray(out)) throw new Error('expected a single output');
  const values = backend.readSync(out.dataId) as Float32Array;
  const copy = Float32Array.from(values);
  backend.disposeData(out.dataId);
  return copy;
}

/**
 * The gradient of Σ dy ⊙ forward(x, w) with respect to w, found by probing the forward op with
 * one-hot filters: an oracle that shares no code with any backward kernel.
 */
export function probeFilterGradient(
  forward: (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D,
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: [number, number, number, number],
): Float32Array {
  const n = filterShape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const oneHot = new Float32Array(n);
    oneHot[i] = 1;
    out[i] = tf.tidy(
      () => tf.sum(tf.mul(dy, forward(x, tf.tensor4d(oneHot, filterShape)))).dataSync()[0]!,
    );
  }
  return out;
}

/** The gradient of Σ dy ⊙ forward(x, w) with respect to x, by one-hot inputs (see above). */
export function probeInputGradient(
  forward: (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D,
  w: tf.Tensor4D,
  dy: tf.Tensor4D,
  inputShape: [number, number, number, number],
): Float32Array {
  const n = inputShape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const oneHot = new Float32Array(n);
    oneHot[i] = 1;
    out[i] = tf.tidy(
      () => tf.sum(tf.mul(dy, forward(tf.tensor4d(oneHot, inputShape), w))).dataSync()[0]!,
    );
  }
  return out;
}
