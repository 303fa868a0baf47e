/**
 * One Adam update of one variable as a single kernel, on cpu and wasm: reads the weights, the
 * gradient and both moments once and writes the new weights and moments, where tfjs's
 * AdamOptimizer runs about a dozen element-wise kernels per variable (mul, add, square, div,
 * sqrt …), each reading and writing the whole tensor. FusedAdamOptimizer (src/train) calls it.
 *
 * The arithmetic is tfjs's, in the same order (adam_optimizer.ts):
 * m' = m·β1 + g·(1 − β1), v' = v·β2 + g²·(1 − β2),
 * w' = (m' / (1 − β1ᵗ)) / (√(v' / (1 − β2ᵗ)) + ε) · (−lr) + w,
 * with the intermediates in float64 and m', v', w' rounded to float32 once.
 */
import type * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { kernelInput, type KernelArgs, type TrainingKernel } from './kernelArgs';
import { heapFloats } from './wasmHeap';

/** The kernel's name; its inputs are `w`, `g`, `m`, `v`, its outputs [w', m', v']. */
export const ADAM_UPDATE = 'UnetStudioAdamUpdate';

/** The attributes of one update. */
export interface AdamUpdateAttrs {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
  /** 1 − β1ᵗ and 1 − β2ᵗ, as tfjs computes them from its float32 accumulators. */
  readonly oneMinusAccBeta1: number;
  readonly oneMinusAccBeta2: number;
}

/** The update loop over float32 arrays; the outputs may not alias the inputs. */
export function adamUpdate(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  a: AdamUpdateAttrs,
  wOut: Float32Array,
  mOut: Float32Array,
  vOut: Float32Array,
): void {
  const { beta1, beta2, epsilon, oneMinusAccBeta1, oneMinusAccBeta2 } = a;
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  // One division and one square root per value: m/(1 − β1ᵗ) and √(v/(1 − β2ᵗ)) become
  // products with per-step constants.
  const k1 = -a.learningRate / oneMinusAccBeta1;
  const k2 = 1 / Math.sqrt(oneMinusAccBeta2);
  for (let i = 0; i < w.length; i++) {
    const gi = g[i]!;
    const mi = m[i]! * beta1 + gi * c1;
    const vi = v[i]! * beta2 + gi * gi * c2;
    mOut[i] = mi;
    vOut[i] = vi;
    wOut[i] = (mi * k1) / (Math.sqrt(vi) * k2 + epsilon) + w[i]!;
  }
}

function inputs(args: KernelArgs) {
  const names = ['w', 'g', 'm', 'v'] as const;
  const [w, g, m, v] = names.map((n) => kernelInput(args, n, ADAM_UPDATE)) as [
    tf.TensorInfo,
    tf.TensorInfo,
    tf.TensorInfo,
    tf.TensorInfo,
  ];
  const size = w.shape.reduce((p, d) => p * d, 1);
  for (const t of [w, g, m, v]) {
    const n = t.shape.reduce((p, d) => p * d, 1);
    if (t.dtype !== 'float32' || n !== size) {
      throw new Error(`${ADAM_UPDATE}: expected float32 tensors of ${size} values`);
    }
  }
  return { w, g, m, v, attrs: args.attrs as unknown as AdamUpdateAttrs };
}

function wasmAdamUpdate(args: KernelArgs): tf.TensorInfo[] {
  const backend = args.backend as BackendWasm;
  const { w, g, m, v, attrs } = inputs(args);
  const outs = [w, m, v].map((t) => backend.makeOutput(t.shape, 'float32'));
  const [wOut, mOut, vOut] = outs.map((t) => heapFloats(backend, t)) as [
    Float32Array,
    Float32Array,
    Float32Array,
  ];
  const read = (t: tf.TensorInfo) => heapFloats(backend, t);
  adamUpdate(read(w), read(g), read(m), read(v), attrs, wOut, mOut, vOut);
  return outs;
}

/** The cpu backend's surface used here (tfjs-backend-cpu's MathBackendCPU). */
interface CpuBackend {
  readSync(dataId: tf.DataId): unknown;
  makeTensorInfo(shape: number[], dtype: tf.DataType, values: Float32Array): tf.TensorInfo;
}

function cpuAdamUpdate(args: KernelArgs): tf.TensorInfo[] {
  const backend = args.backend as unknown as CpuBackend;
  const { w, g, m, v, attrs } = inputs(args);
  const read = (t: tf.TensorInfo) => backend.readSync(t.dataId) as Float32Array;
  const size = read(w).length;
  const [wOut, mOut, vOut] = [0, 1, 2].map(() => new Float32Array(size)) as [
    Float32Array,
    Float32Array,
    Float32Array,
  ];
  adamUpdate(read(w), read(g), read(m), read(v), attrs, wOut, mOut, vOut);
  return [
    backend.makeTensorInfo(w.shape, 'float32', wOut),
    backend.makeTensorInfo(m.shape, 'float32', mOut),
    backend.makeTensorInfo(v.shape, 'float32', vOut),
  ];
}

/** The update kernel on cpu and wasm. */
export const ADAM_UPDATE_KERNELS: readonly TrainingKernel[] = [
  { kernelName: ADAM_UPDATE, backendName: 'wasm', kernelFunc: wasmAdamUpdate },
  { kernelName: ADAM_UPDATE, backendName: 'cpu', kernelFunc: cpuAdamUpdate },
];
