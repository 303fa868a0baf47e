/**
 * The estimate shown before the first step: memory and time per training step, from the
 * compiler's cost totals (forward MACs and activation bytes at the run's batch) and the backend.
 */
import type { Cost } from '@unet-studio/compiler';

/** Backends as the estimate tells them apart: software WebGL is far slower than a GPU. */
export const ESTIMATE_DEVICES = ['webgl', 'webgl-software', 'wasm', 'cpu'] as const;
/** A device for the estimate. */
export type EstimateDevice = (typeof ESTIMATE_DEVICES)[number];

/**
 * Effective multiply-adds per second of a training step (forward + backward ≈ 3 forward passes),
 * calibrated on the small template at 64×64 batch 8 (docs/benchmarks.md): wasm ≈ 1.5 s per
 * step on one core, WebGL on SwiftShader ≈ 13 s; a GPU is assumed at about 30 GMAC/s.
 */
const MACS_PER_SECOND: Readonly<Record<EstimateDevice, number>> = {
  webgl: 30e9,
  'webgl-software': 0.27e9,
  wasm: 2.3e9,
  cpu: 0.05e9,
};

/** Memory a browser tab can give a run before it fails, per device (bytes). */
const MEMORY_LIMIT: Readonly<Record<EstimateDevice, number>> = {
  webgl: 1.5 * 2 ** 30,
  'webgl-software': 1.5 * 2 ** 30,
  wasm: 2 * 2 ** 30,
  cpu: 2 * 2 ** 30,
};

/** What a run will cost. */
export interface StepEstimate {
  /** Bytes held during a step: weights, gradients, Adam moments, activations and their gradients. */
  readonly memoryBytes: number;
  readonly secondsPerStep: number;
  /** Seconds for the whole run (steps × time per step). */
  readonly runSeconds: number;
  /** Set when the run will not fit in the browser. */
  readonly warning: string | null;
  /** `measured` once the backend probe timed this model; absent or `guess` from the cost model. */
  readonly basis?: 'guess' | 'measured';
}

const MB = 2 ** 20;

/**
 * Estimates one run. `totals` must be the design's totals compiled at the run's size and batch.
 *
 * @param steps - Training steps in the whole run (epochs × batches).
 * @example estimateStep(compiled.totals, 'wasm', 40).secondsPerStep
 */
export function estimateStep(totals: Cost, device: EstimateDevice, steps: number): StepEstimate {
  const params = totals.trainable + totals.nonTrainable;
  // Weights, their gradients and two Adam moments; activations are kept for the backward pass
  // and matched by gradients of the same size, plus about as much again in temporaries.
  const memoryBytes = params * 4 * 4 + totals.activationBytes * 3;
  const secondsPerStep = (3 * totals.macs) / MACS_PER_SECOND[device];
  const limit = MEMORY_LIMIT[device];
  const fits = Number.isFinite(memoryBytes) && memoryBytes <= limit;
  return {
    memoryBytes,
    secondsPerStep,
    runSeconds: secondsPerStep * steps,
    warning: fits
      ? null
      : `This run needs about ${Math.round(memoryBytes / MB)} MB, more than the ${Math.round(limit / MB)} MB a browser tab can give ${device}: lower the batch or the size.`,
  };
}

/** The estimate device for a backend name and whether WebGL renders in software. */
export function estimateDevice(backend: string, software: boolean): EstimateDevice {
  if (backend === 'webgl' || backend === 'webgpu') return software ? 'webgl-software' : 'webgl';
  return backend === 'wasm' ? 'wasm' : 'cpu';
}
