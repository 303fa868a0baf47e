/**
 * Small helpers over the wasm backend's heap: calling its kernels directly, and tensors that are
 * windows into another tensor's memory (so XNNPACK can read a slice without a copy).
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelArgs } from './kernelArgs';

/** Runs the wasm backend's kernel `name` and returns its single output. */
export function runWasmKernel(
  name: string,
  inputs: KernelArgs['inputs'],
  backend: BackendWasm,
  attrs: tf.NamedAttrMap = {},
): tf.TensorInfo {
  const config = tf.getKernel(name, 'wasm');
  if (config === undefined) throw new Error(`wasm backend: kernel ${name} is not registered`);
  const out = config.kernelFunc({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`wasm backend: ${name} returned several tensors`);
  return out;
}

/** The float32 values of `t`, read in place on the wasm heap (valid until the next allocation). */
export function heapFloats(backend: BackendWasm, t: tf.TensorInfo): Float32Array {
  if (t.dtype !== 'float32') throw new Error(`wasm backend: expected float32 data, got ${t.dtype}`);
  return backend.typedArrayFromHeap(t) as Float32Array;
}

/**
 * A float32 tensor of `shape` whose data starts `offset` elements into `base`'s memory. It owns
 * nothing: release it with {@link releaseHeapView}, never with `disposeData`, which would free
 * memory in the middle of `base`. The caller keeps `offset + size(shape)` inside `base`.
 */
export function heapView(
  backend: BackendWasm,
  base: tf.TensorInfo,
  offset: number,
  shape: number[],
): tf.TensorInfo {
  const start = backend.getMemoryOffset(base.dataId) + offset * Float32Array.BYTES_PER_ELEMENT;
  return backend.makeOutput(shape, 'float32', start);
}

/** Forgets a {@link heapView} without freeing the memory it points into. */
export function releaseHeapView(backend: BackendWasm, view: tf.TensorInfo): void {
  const data = backend.dataIdMap.get(view.dataId);
  if (data === undefined) return;
  // Drops the C++ side's record of the tensor (and any XNNPACK operator cached on it).
  backend.wasm.tfjs.disposeData(data.id);
  backend.dataIdMap.delete(view.dataId);
}

/**
 * The same data seen with another shape, for kernels that read the shape to pick their
 * layout. It shares `t`'s data id and takes no reference: do not dispose it.
 */
export function reshaped(t: tf.TensorInfo, shape: number[]): tf.TensorInfo {
  return { dataId: t.dataId, shape, dtype: t.dtype };
}
