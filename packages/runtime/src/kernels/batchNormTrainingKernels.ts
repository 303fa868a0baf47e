/**
 * Batch normalisation in training mode as one tfjs kernel per direction, on the cpu and wasm
 * backends (the arithmetic is batchNormTraining.ts): `BatchNormTraining` returns the output and
 * the batch mean and variance, and its registered gradient runs `BatchNormTrainingGrad` once for
 * dx, dγ and dβ. Other backends do not get these kernels; {@link hasBatchNormTraining} says so
 * and the layer then keeps tfjs's own graph.
 */
import * as tf from '@tensorflow/tfjs';
import type { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { batchNormBackward, batchNormForward } from './batchNormTraining';
import { kernelInput, type KernelArgs } from './kernelArgs';
import { heapFloats } from './wasmHeap';

/** Kernel name of the forward pass: inputs x, scale, offset; outputs y, mean, variance. */
export const BATCH_NORM_TRAINING = 'UnetStudioBatchNormTraining';
/** Kernel name of its gradient: inputs dy, x, scale, mean, variance[, dMean, dVariance]. */
export const BATCH_NORM_TRAINING_GRAD = 'UnetStudioBatchNormTrainingGrad';

/** Reads inputs and allocates outputs as float32 arrays on one backend. */
interface Store {
  /** Allocates the outputs; call before {@link Store.values}, since allocation may move the heap. */
  outputs(shapes: readonly number[][]): { infos: tf.TensorInfo[]; arrays: Float32Array[] };
  values(t: tf.TensorInfo): Float32Array;
}

function cpuStore(backend: MathBackendCPU): Store {
  return {
    outputs: (shapes) => {
      const arrays = shapes.map((s) => new Float32Array(tf.util.sizeFromShape(s)));
      const infos = shapes.map((s, i) => backend.makeTensorInfo(s, 'float32', arrays[i]));
      return { infos, arrays };
    },
    values: (t) => backend.data.get(t.dataId).values as Float32Array,
  };
}

function wasmStore(backend: BackendWasm): Store {
  return {
    outputs: (shapes) => {
      const infos = shapes.map((s) => backend.makeOutput(s, 'float32'));
      return { infos, arrays: infos.map((t) => heapFloats(backend, t)) };
    },
    values: (t) => heapFloats(backend, t),
  };
}

function floatInput(args: KernelArgs, name: string, kernel: string): tf.TensorInfo {
  const t = kernelInput(args, name, kernel);
  if (t.dtype !== 'float32')
    throw new Error(`${kernel}: input "${name}" must be float32, got ${t.dtype}`);
  return t;
}

function channelVector(args: KernelArgs, name: string, kernel: string, channels: number) {
  const t = floatInput(args, name, kernel);
  if (t.shape.length !== 1 || t.shape[0] !== channels) {
    throw new Error(
      `${kernel}: input "${name}" must have shape [${channels}], got [${t.shape.join(', ')}]`,
    );
  }
  return t;
}

function epsilonOf(args: KernelArgs, kernel: string): number {
  const eps = (args.attrs as { varianceEpsilon?: unknown } | undefined)?.varianceEpsilon;
  if (typeof eps !== 'number' || !(eps >= 0)) {
    throw new Error(`${kernel}: attribute "varianceEpsilon" must be a number ≥ 0`);
  }
  return eps;
}

function forward(store: Store, args: KernelArgs): tf.TensorInfo[] {
  const kernel = BATCH_NORM_TRAINING;
  const x = floatInput(args, 'x', kernel);
  const channels = x.shape[x.shape.length - 1];
  if (x.shape.length < 2 || channels === undefined || channels === 0) {
    throw new Error(`${kernel}: x must be [..., channels], got [${x.shape.join(', ')}]`);
  }
  const scale = channelVector(args, 'scale', kernel, channels);
  const offset = channelVector(args, 'offset', kernel, channels);
  const eps = epsilonOf(args, kernel);
  const { infos, arrays } = store.outputs([x.shape, [channels], [channels]]);
  const [y, mean, variance] = arrays as [Float32Array, Float32Array, Float32Array];
  batchNormForward(store.values(x), channels, store.values(scale), store.values(offset), eps, y, {
    mean,
    variance,
  });
  return infos;
}

function backward(store: Store, args: KernelArgs): tf.TensorInfo[] {
  const kernel = BATCH_NORM_TRAINING_GRAD;
  const x = floatInput(args, 'x', kernel);
  const dy = floatInput(args, 'dy', kernel);
  if (!tf.util.arraysEqual(dy.shape, x.shape)) {
    throw new Error(`${kernel}: dy [${dy.shape.join(', ')}] and x [${x.shape.join(', ')}] differ`);
  }
  const channels = x.shape[x.shape.length - 1] ?? 0;
  const vector = (name: string) => channelVector(args, name, kernel, channels);
  const [scale, mean, variance] = [vector('scale'), vector('mean'), vector('variance')];
  const dMean = args.inputs.dMean === undefined ? null : vector('dMean');
  const dVariance = args.inputs.dVariance === undefined ? null : vector('dVariance');
  const eps = epsilonOf(args, kernel);
  const { infos, arrays } = store.outputs([x.shape, [channels], [channels]]);
  const [dx, dScale, dOffset] = arrays as [Float32Array, Float32Array, Float32Array];
  batchNormBackward(
    store.values(dy),
    {
      x: store.values(x),
      scale: store.values(scale),
      mean: store.values(mean),
      variance: store.values(variance),
      epsilon: eps,
    },
    dMean === null ? null : store.values(dMean),
    dVariance === null ? null : store.values(dVariance),
    { dx, dScale, dOffset },
  );
  return infos;
}

/** The forward and gradient kernels for the cpu and wasm backends. */
export const BATCH_NORM_TRAINING_KERNELS: readonly tf.KernelConfig[] = [
  ['cpu', (b: unknown) => cpuStore(b as MathBackendCPU)] as const,
  ['wasm', (b: unknown) => wasmStore(b as BackendWasm)] as const,
].flatMap(([backendName, storeOf]) => [
  {
    kernelName: BATCH_NORM_TRAINING,
    backendName,
    kernelFunc: (args: KernelArgs) => forward(storeOf(args.backend), args),
  },
  {
    kernelName: BATCH_NORM_TRAINING_GRAD,
    backendName,
    kernelFunc: (args: KernelArgs) => backward(storeOf(args.backend), args),
  },
]);
