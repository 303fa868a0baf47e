/**
 * Data-movement kernels for the wasm backend that a training step runs hundreds of times:
 *
 * - Identity shares its input's memory (a reference count, as the cpu and webgl backends do)
 *   instead of copying it. tfjs clones every tensor it saves for the backward pass, so on wasm
 *   each step copied every activation a gradient needs once more.
 * - Concat and SplitV along the channel axis copy with a plain loop; tfjs's versions make one
 *   `TypedArray.set` call per pixel, which costs more than the copy for a few channels.
 *
 * Strings go to tfjs's kernels.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { kernelInput, type KernelArgs, type TrainingKernel } from './kernelArgs';

/** Runs of at most this many elements are copied element by element, longer ones with `set`. */
const SHORT_RUN = 64;

/** Raw elements: float32 moves as int32 words, so every bit pattern (NaN payloads) survives. */
type Flat = Int32Array | Uint8Array;

function raw(backend: BackendWasm, t: tf.TensorInfo): Flat {
  const values = backend.typedArrayFromHeap(t);
  return values instanceof Float32Array
    ? new Int32Array(values.buffer, values.byteOffset, values.length)
    : values;
}

/**
 * Copies `rows` runs of `run` elements from `src` (one every `srcStride`, from `srcStart`) to
 * `dst` (one every `dstStride`, from `dstStart`).
 */
export function copyRuns(
  src: Flat,
  srcStart: number,
  srcStride: number,
  dst: Flat,
  dstStart: number,
  dstStride: number,
  rows: number,
  run: number,
): void {
  if (run > SHORT_RUN) {
    for (let r = 0; r < rows; r++) {
      const s = srcStart + r * srcStride;
      dst.set(src.subarray(s, s + run), dstStart + r * dstStride);
    }
    return;
  }
  const quads = run % 4 === 0;
  for (let r = 0; r < rows; r++) {
    const s = srcStart + r * srcStride;
    const d = dstStart + r * dstStride;
    if (quads) {
      // Four at a time: V8 runs short copy loops faster unrolled.
      for (let i = 0; i < run; i += 4) {
        dst[d + i] = src[s + i]!;
        dst[d + i + 1] = src[s + i + 1]!;
        dst[d + i + 2] = src[s + i + 2]!;
        dst[d + i + 3] = src[s + i + 3]!;
      }
    } else {
      for (let i = 0; i < run; i++) dst[d + i] = src[s + i]!;
    }
  }
}

function identity(args: KernelArgs): tf.TensorInfo {
  const x = kernelInput(args, 'x', 'Identity');
  (args.backend as BackendWasm).incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

function axisOf(args: KernelArgs, shape: number[]): number {
  const axis = (args.attrs as { axis?: number | number[] } | undefined)?.axis ?? 0;
  return tf.util.parseAxisParam(axis, shape)[0] ?? 0;
}

/** The kernel's inputs (Concat gets them as an array) that hold any elements. */
function nonEmpty(args: KernelArgs): tf.TensorInfo[] {
  return inputList(args).filter((t) => tf.util.sizeFromShape(t.shape) > 0);
}

function inputList(args: KernelArgs): tf.TensorInfo[] {
  return Object.values(args.inputs).filter((t): t is tf.TensorInfo => t !== undefined);
}

function concat(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const inputs = nonEmpty(args);
  const first = inputs[0];
  if (first === undefined) throw new Error('Concat: no non-empty input');
  const axis = axisOf(args, first.shape);
  const outShape = tf.backend_util.computeOutShape(
    inputs.map((t) => t.shape),
    axis,
  );
  const rows = tf.util.sizeFromShape(first.shape.slice(0, axis));
  const out = backend.makeOutput(outShape, first.dtype);
  const dst = raw(backend, out);
  const outRun = tf.util.sizeFromShape(outShape.slice(axis));
  let offset = 0;
  for (const t of inputs) {
    const run = tf.util.sizeFromShape(t.shape.slice(axis));
    copyRuns(raw(backend, t), 0, run, dst, offset, outRun, rows, run);
    offset += run;
  }
  return out;
}

function splitV(args: KernelArgs): tf.TensorInfo[] {
  const backend = args.backend as BackendWasm;
  const x = kernelInput(args, 'x', 'SplitV');
  const axis = axisOf(args, x.shape);
  const attrs = args.attrs as { numOrSizeSplits?: number | number[] } | undefined;
  const sizes = tf.backend_util.prepareSplitSize(x, attrs?.numOrSizeSplits ?? 1, axis);
  const rows = tf.util.sizeFromShape(x.shape.slice(0, axis));
  const inner = tf.util.sizeFromShape(x.shape.slice(axis + 1));
  const inRun = (x.shape[axis] ?? 0) * inner;
  const outs = sizes.map((s) => {
    const shape = [...x.shape];
    shape[axis] = s;
    return backend.makeOutput(shape, x.dtype);
  });
  const src = raw(backend, x);
  let offset = 0;
  outs.forEach((out, i) => {
    const run = (sizes[i] ?? 0) * inner;
    copyRuns(src, offset, inRun, raw(backend, out), 0, run, rows, run);
    offset += run;
  });
  return outs;
}

const hasStrings = (args: KernelArgs) => inputList(args).some((t) => t.dtype === 'string');

/** The kernels of this module; tfjs's serve what they decline (strings, a single input). */
export const WASM_DATA_MOVEMENT_KERNELS: readonly TrainingKernel[] = [
  { kernelName: 'Identity', backendName: 'wasm', kernelFunc: identity, declines: hasStrings },
  {
    kernelName: 'Concat',
    backendName: 'wasm',
    kernelFunc: concat,
    declines: (args) => hasStrings(args) || nonEmpty(args).length < 2,
  },
  { kernelName: 'SplitV', backendName: 'wasm', kernelFunc: splitV, declines: hasStrings },
];
