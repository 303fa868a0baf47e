/**
 * Registers U-Net Studio's training kernels on a tfjs backend, replacing tfjs's own where it has
 * one. The replaced kernels are kept: they still serve NCHW calls, and tests compare against them.
 */
import * as tf from '@tensorflow/tfjs';
import { registerFastBatchNormalization } from './FastBatchNormalization';
import { ADAM_UPDATE_KERNELS } from './adamUpdateKernel';
import { originalBatchNormGradient, registerBatchNormGradient } from './batchNormGradient';
import { registerBatchNormTrainingGradient } from './batchNormTrainingOp';
import { BATCH_NORM_TRAINING_KERNELS } from './batchNormTrainingKernels';
import { CPU_TRAINING_KERNELS } from './cpuKernels';
import type { KernelArgs, TrainingKernel } from './kernelArgs';
import { WASM_CHANNEL_SUM } from './wasmChannelSum';
import { WASM_DATA_MOVEMENT_KERNELS } from './wasmDataMovement';
import { WASM_TRAINING_KERNELS } from './wasmKernels';

const forBackend = (name: string) =>
  [...BATCH_NORM_TRAINING_KERNELS, ...ADAM_UPDATE_KERNELS].filter((k) => k.backendName === name);

const KERNELS_BY_BACKEND: Readonly<Record<string, readonly TrainingKernel[]>> = {
  cpu: [...CPU_TRAINING_KERNELS, ...forBackend('cpu')],
  wasm: [
    ...WASM_TRAINING_KERNELS,
    ...WASM_DATA_MOVEMENT_KERNELS,
    WASM_CHANNEL_SUM,
    ...forBackend('wasm'),
  ],
};

/** tfjs's kernel names among ours; the others are U-Net Studio's own (the fused batch norm). */
const TFJS_KERNEL_NAMES = Object.values(KERNELS_BY_BACKEND)
  .flat()
  .map((k) => k.kernelName)
  .filter((name) => !name.startsWith('UnetStudio'));

const ours = new WeakSet<tf.KernelFunc>();
const replaced = new Map<string, tf.KernelFunc>();

function isNchw(args: KernelArgs): boolean {
  return (args.attrs as { dataFormat?: unknown } | undefined)?.dataFormat === 'NCHW';
}

/**
 * Registers the training kernels for `backendName` (`cpu` or `wasm`; other backends have all
 * they need), the tile-free FusedBatchNorm gradient and the fused batch-norm training op's
 * gradient (every backend), and FastBatchNormalization as the class loaded models get
 * for `BatchNormalization`. Safe to call more than once.
 *
 * @returns The kernel names now served by U-Net Studio's implementations on that backend.
 * @example registerTrainingKernels('wasm'); // before the first training step on wasm
 */
export function registerTrainingKernels(backendName: string): readonly string[] {
  registerBatchNormGradient();
  registerBatchNormTrainingGradient();
  registerFastBatchNormalization();
  const configs = KERNELS_BY_BACKEND[backendName] ?? [];
  for (const config of configs) {
    const existing = tf.getKernel(config.kernelName, backendName);
    if (existing !== undefined && ours.has(existing.kernelFunc)) continue;
    const original = existing?.kernelFunc;
    if (existing !== undefined && original !== undefined) {
      replaced.set(`${config.kernelName}/${backendName}`, original);
      tf.unregisterKernel(config.kernelName, backendName);
    }
    const { declines, ...kernel } = config;
    const kernelFunc: tf.KernelFunc =
      original === undefined
        ? config.kernelFunc
        : (args) =>
            isNchw(args) || declines?.(args) === true ? original(args) : config.kernelFunc(args);
    ours.add(kernelFunc);
    tf.registerKernel({ ...kernel, kernelFunc });
  }
  return configs.map((c) => c.kernelName);
}

/**
 * The kernel tfjs shipped for `kernelName` on `backendName` before U-Net Studio replaced it,
 * or undefined when nothing was replaced (the kernel was missing, or not registered yet).
 */
export function replacedKernel(kernelName: string, backendName: string): tf.KernelFunc | undefined {
  return replaced.get(`${kernelName}/${backendName}`);
}

/** True when `kernelName` on `backendName` is currently served by U-Net Studio's implementation. */
export function isTrainingKernelRegistered(kernelName: string, backendName: string): boolean {
  const config = tf.getKernel(kernelName, backendName);
  return config !== undefined && ours.has(config.kernelFunc);
}

/**
 * Runs `fn` with tfjs's own kernels and FusedBatchNorm gradient back in place of U-Net Studio's
 * on `backendName` (only `names`, when given), and without the fused batch-norm kernels, so the
 * BatchNormalization layer takes tfjs's graph; then puts U-Net Studio's back. Kernels tfjs lacks
 * stay, since nothing trains without them. For reference runs in tests and benchmarks.
 *
 * @example const loss = await withTfjsKernels('cpu', () => trainSteps(model));
 */
export async function withTfjsKernels<T>(
  backendName: string,
  fn: () => T | Promise<T>,
  names?: readonly string[],
): Promise<T> {
  const chosen = (name: string) => names === undefined || names.includes(name);
  for (const config of KERNELS_BY_BACKEND[backendName] ?? []) {
    const name = config.kernelName;
    if (!chosen(name) || !isTrainingKernelRegistered(name, backendName)) continue;
    const original = replacedKernel(name, backendName);
    const extra = !(TFJS_KERNEL_NAMES as readonly string[]).includes(name);
    if (original === undefined && !extra) continue;
    tf.unregisterKernel(name, backendName);
    if (original !== undefined)
      tf.registerKernel({ kernelName: name, backendName, kernelFunc: original });
  }
  const tfjsGradient = originalBatchNormGradient();
  if (chosen('FusedBatchNorm') && tfjsGradient !== undefined) tf.registerGradient(tfjsGradient);
  try {
    return await fn();
  } finally {
    registerTrainingKernels(backendName);
  }
}
