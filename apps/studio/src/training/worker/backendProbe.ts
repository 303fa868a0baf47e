/**
 * The `auto` backend: before a run, each available backend (WebGPU when the browser gives an
 * adapter, wasm with its threads, WebGL; cpu only when none of those runs) trains a few real
 * steps of the run's model, one backend after the other, and the fastest is chosen. A backend
 * whose warm-up or steps pass the caps of backendChoice.ts is given up early. Each backend's
 * model and optimizer are disposed before the next one starts. The chosen backend is then timed
 * at the run's batch too, for the estimate.
 */
import type { Design } from '@unet-studio/compiler';
import type { BackendName } from '@unet-studio/runtime';
import {
  chooseBackend,
  PROBE_BATCH,
  PROBE_STEPS,
  probeOrder,
  STEP_CAP_SECONDS,
  stepCap,
  STEPS_BUDGET_SECONDS,
  WARMUP_CAP_SECONDS,
  type ProbeReport,
  type ProbeResult,
} from '../backendChoice';
import type { BackendInfo } from '../protocol';
import type { TrainSettings } from '../settings';
import { ContextLostError, untilContextLost } from './contextLoss';
import { meanStep, timeTrainingSteps } from './probeSteps';
import { checkWebgpu } from './webgpuCheck';
import { startBackend, webglContext } from './workerBackend';

const message = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 200);

/** How the panel names a running backend: `wasm, 2 threads`, `webgl (software)`. */
export function backendLabel(info: BackendInfo): string {
  if (info.name === 'wasm') return /^wasm, \d+ threads?/.exec(info.summary)?.[0] ?? 'wasm';
  return info.software ? `${info.name} (software)` : info.name;
}

/** Starts `name` and times a few steps on it; `best` is the fastest step so far. */
async function measure(
  name: BackendName,
  design: Design,
  settings: TrainSettings,
  best: number | null,
): Promise<ProbeResult> {
  const untimed = (note: string): ProbeResult => ({
    backend: name,
    label: name,
    secondsPerStep: null,
    software: false,
    note,
  });
  let info: BackendInfo;
  try {
    info = await startBackend(name);
  } catch (error) {
    return untimed(`did not start: ${message(error)}`);
  }
  // startBackend falls back when `name` cannot run; the fallback is measured on its own turn.
  if (info.name !== name) return untimed(`not available (${info.summary.slice(0, 160)})`);
  const base = { backend: name, label: backendLabel(info), software: info.software };
  try {
    // A lost WebGL context leaves tfjs's reads pending forever: the measurement ends instead.
    const timing = await untilContextLost(
      timeTrainingSteps(design, settings, {
        batch: PROBE_BATCH,
        steps: PROBE_STEPS,
        warmupCap: WARMUP_CAP_SECONDS,
        stepCap: stepCap(best),
        budget: STEPS_BUDGET_SECONDS,
      }),
      name === 'webgl' ? webglContext() : null,
    );
    return { ...base, secondsPerStep: meanStep(timing), note: timing.stopped ?? '' };
  } catch (error) {
    if (error instanceof ContextLostError)
      return { ...base, secondsPerStep: null, note: 'the WebGL context was lost while measuring' };
    return { ...base, secondsPerStep: null, note: `failed: ${message(error)}` };
  }
}

/**
 * Measures the backends for a run of `design` with `settings` and returns every figure and the
 * choice (the active backend is then the last one measured: start the chosen one). Once
 * `signal` aborts (Stop), no further backend is measured.
 */
export async function probeBackends(
  design: Design,
  settings: TrainSettings,
  signal?: AbortSignal,
): Promise<ProbeReport> {
  const webgpu = await checkWebgpu(self.navigator);
  const results: ProbeResult[] = [];
  let best: number | null = null;
  const add = async (name: BackendName): Promise<void> => {
    const result = await measure(name, design, settings, best);
    results.push(result);
    if (result.secondsPerStep !== null) best = Math.min(best ?? Infinity, result.secondsPerStep);
  };
  // startBackend loads the WebGPU backend itself, only when it is measured.
  for (const name of probeOrder(webgpu.ok)) {
    if (signal?.aborted) break;
    await add(name as BackendName);
  }
  if (chooseBackend(results) === null && !signal?.aborted) await add('cpu');
  const chosen = chooseBackend(results);
  // With nothing measured, wasm's start and its fallbacks decide (and say why).
  if (chosen === null) return { results, chosen: 'wasm', batch: PROBE_BATCH };
  const runBatch = signal?.aborted ? null : await timeRunBatch(chosen, design, settings);
  return { results, chosen, batch: PROBE_BATCH, ...(runBatch ? { runBatch } : {}) };
}

/** Times `backend` (the chosen one) at the run's batch; null when it cannot or need not. */
async function timeRunBatch(
  backend: string,
  design: Design,
  settings: TrainSettings,
): Promise<ProbeReport['runBatch'] | null> {
  if (settings.batchSize === PROBE_BATCH) return null;
  try {
    const info = await startBackend(backend as BackendName);
    if (info.name !== backend) return null;
    const timing = await untilContextLost(
      timeTrainingSteps(design, settings, {
        batch: settings.batchSize,
        steps: 2,
        warmupCap: WARMUP_CAP_SECONDS,
        stepCap: STEP_CAP_SECONDS,
        budget: STEPS_BUDGET_SECONDS,
      }),
      backend === 'webgl' ? webglContext() : null,
    );
    const secondsPerStep = meanStep(timing);
    return secondsPerStep === null ? null : { batch: settings.batchSize, secondsPerStep };
  } catch {
    // The estimate then scales the small batch's figure.
    return null;
  }
}
