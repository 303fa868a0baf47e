/**
 * Registers U-Net Studio's training kernels on a tfjs backend, replacing tfjs's own where it has
 * one. The replaced kernels are kept: they still serve NCHW calls, and tests compare against them.
 */
import * as tf from '@tensorflow/tfjs';
import { registerBatchNormGradient } from './batchNormGradient';
import { CPU_TRAINING_KERNELS } from './cpuKernels';
import type { KernelArgs } from './kernelArgs';
import { WASM_TRAINING_KERNELS } from './wasmKernels';

const KERNELS_BY_BACKEND: Readonly<Record<string, readonly tf.KernelConfig[]>> = {
  cpu: CPU_TRAINING_KERNELS,
  wasm: WASM_TRAINING_KERNELS,
};

const ours = new WeakSet<tf.KernelFunc>();
const replaced = new Map<string, tf.KernelFunc>();

function isNchw(args: KernelArgs): boolean {
  return (args.attrs as { dataFormat?: unknown } | undefined)?.dataFormat === 'NCHW';
}

/**
 * Registers the training kernels for `backendName` (`cpu` or `wasm`; other backends have all
 * they need), and the tile-free BatchNorm gradient (every backend). Safe to call more than once.
 *
 * @returns The kernel names now served by U-Net Studio's implementations on that backend.
 * @example registerTrainingKernels('wasm'); // before the first training step on wasm
 */
export function registerTrainingKernels(backendName: string): readonly string[] {
  registerBatchNormGradient();
  const configs = KERNELS_BY_BACKEND[backendName] ?? [];
  for (const config of configs) {
    const existing = tf.getKernel(config.kernelName, backendName);
    if (existing !== undefined && ours.has(existing.kernelFunc)) continue;
    const original = existing?.kernelFunc;
    if (existing !== undefined && original !== undefined) {
      replaced.set(`${config.kernelName}/${backendName}`, original);
      tf.unregisterKernel(config.kernelName, backendName);
    }
    const kernelFunc: tf.KernelFunc =
      original === undefined
        ? config.kernelFunc
        : (args) => (isNchw(args) ? original(args) : config.kernelFunc(args));
    ours.add(kernelFunc);
    tf.registerKernel({ ...config, kernelFunc });
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
