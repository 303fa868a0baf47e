/**
 * Sum over every axis but the last on the wasm backend: the bias gradient of a conv (and of a
 * transposed conv or a 1×1 head) in a training step. tfjs's wasm Sum transposes the whole
 * tensor to put the reduced axes last before summing; this one sums channels-last data in
 * place, four channels at a time, in float64. Other reductions go to tfjs's kernel.
 */
import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { channelSums } from './channelLoops';
import { kernelInput, type KernelArgs, type TrainingKernel } from './kernelArgs';
import { heapFloats } from './wasmHeap';

interface SumAttrs {
  readonly axis?: number | number[];
  readonly keepDims?: boolean;
}

/** True when `args` sums a float32 tensor of rank ≥ 2 over exactly its leading axes. */
function leadingAxesSum(args: KernelArgs): boolean {
  const x = args.inputs.x;
  if (x === undefined || x.dtype !== 'float32' || x.shape.length < 2) return false;
  const axis = (args.attrs as SumAttrs | undefined)?.axis ?? [];
  const axes = [...new Set(tf.util.parseAxisParam(axis, x.shape))].sort((a, b) => a - b);
  return axes.length === x.shape.length - 1 && axes.every((a, i) => a === i);
}

function channelSum(args: KernelArgs): tf.TensorInfo {
  const backend = args.backend as BackendWasm;
  const x = kernelInput(args, 'x', 'Sum');
  const channels = x.shape[x.shape.length - 1] ?? 0;
  const keepDims = (args.attrs as SumAttrs | undefined)?.keepDims === true;
  const shape = keepDims ? [...x.shape.slice(0, -1).map(() => 1), channels] : [channels];
  const out = backend.makeOutput(shape, 'float32');
  const sum = new Float64Array(channels);
  channelSums(heapFloats(backend, x), channels, sum);
  heapFloats(backend, out).set(sum);
  return out;
}

/** The wasm Sum kernel; it declines all but sums over the leading axes of float32 data. */
export const WASM_CHANNEL_SUM: TrainingKernel = {
  kernelName: 'Sum',
  backendName: 'wasm',
  kernelFunc: channelSum,
  declines: (args) => !leadingAxesSum(args),
};
