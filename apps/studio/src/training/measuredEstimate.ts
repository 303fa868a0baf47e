/**
 * The pre-run estimate once the backends have been measured: the probe's seconds per step
 * (scaled from its small batch to the run's) replace the guess from the cost model. Before any
 * probe of the model, `auto` is estimated on the backend it will most likely pick, as a guess.
 */
import type { ProbeReport } from './backendChoice';
import type { EstimateDevice, StepEstimate } from './estimate';
import type { BackendInfo } from './protocol';
import type { BackendChoice } from './settings';

/** A measured step time of one backend. */
export interface MeasuredStep {
  readonly backend: string;
  readonly label: string;
  readonly secondsPerStep: number;
  /** The probe's batch. */
  readonly batch: number;
}

/**
 * The probe's figure for `choice` (its pick for `auto`): at the run's batch when the chosen
 * backend was timed there, else at the probe's batch; null when that backend was not timed.
 */
export function measuredStep(report: ProbeReport, choice: BackendChoice): MeasuredStep | null {
  const backend = choice === 'auto' ? report.chosen : choice;
  const result = report.results.find((r) => r.backend === backend);
  if (!result || result.secondsPerStep === null) return null;
  // The chosen backend's time at the run's batch, when timed, scales best.
  if (backend === report.chosen && report.runBatch)
    return { backend, label: result.label, ...report.runBatch };
  return {
    backend,
    label: result.label,
    secondsPerStep: result.secondsPerStep,
    batch: report.batch,
  };
}

/**
 * `estimate` with its time from `measured`: the step time grows with the batch (linearly, which
 * is what wasm and cpu do; a GPU grows more slowly, so the figure errs long).
 */
export function withMeasured(
  estimate: StepEstimate,
  measured: MeasuredStep,
  batchSize: number,
  steps: number,
): StepEstimate {
  const secondsPerStep = (measured.secondsPerStep * batchSize) / measured.batch;
  return { ...estimate, secondsPerStep, runSeconds: secondsPerStep * steps, basis: 'measured' };
}

/** The device `auto` is guessed to pick before it measures: a hardware GPU, else wasm. */
export function autoDevice(known: BackendInfo | null): EstimateDevice {
  return known !== null && known.name === 'webgl' && !known.software ? 'webgl' : 'wasm';
}

/**
 * The end of the estimate line: on what backend, and whether the figure is measured or a guess.
 *
 * @example estimateBasis('auto', null, false) // 'auto (a guess until the backends are measured at Train)'
 */
export function estimateBasis(
  choice: BackendChoice,
  measured: MeasuredStep | null,
  software: boolean,
): string {
  if (measured !== null)
    return `${measured.label} (measured: ${measured.secondsPerStep.toPrecision(2)} s/step at batch ${measured.batch})`;
  if (choice === 'auto') return 'auto (a guess until the backends are measured at Train)';
  const rendering = software && choice === 'webgl' ? 'software WebGL, ' : '';
  return `${choice} (${rendering}a guess from the model's size)`;
}
