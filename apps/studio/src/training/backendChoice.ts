/**
 * Choosing the training backend by measurement: the probe's limits, the order backends are
 * measured in, the pick of the fastest, and the line the panel shows. Pure, so the worker's
 * probe and the panel share one set of rules.
 */

/** Samples per probe step: small, so a slow backend gives up quickly. */
export const PROBE_BATCH = 2;
/** Timed steps per backend (after one warm-up step, which is not timed). */
export const PROBE_STEPS = 3;
/** A timed step longer than this (seconds) ends that backend's probe. */
export const STEP_CAP_SECONDS = 4;
/** A backend slower than this many times the best so far stops being measured. */
export const RELATIVE_CAP = 5;
/**
 * A warm-up step (kernels compiled, memory allotted, one step run) longer than this (seconds)
 * gives the backend up untimed: a GPU compiles a U-Net's kernels in a few seconds, while software
 * rendering takes far longer, and its timed step would add as much again.
 */
export const WARMUP_CAP_SECONDS = 10;
/** Timed steps stop once they have taken this long in all (seconds), however many ran. */
export const STEPS_BUDGET_SECONDS = 6;

/** One backend's outcome. */
export interface ProbeResult {
  /** The backend's name (`wasm`, `webgl`…). */
  readonly backend: string;
  /** How the panel names it, e.g. `wasm, 2 threads` or `webgl (software)`. */
  readonly label: string;
  /** Mean seconds of a timed step at {@link PROBE_BATCH}; null when none was timed. */
  readonly secondsPerStep: number | null;
  /** True when it renders in software (SwiftShader, llvmpipe): slow, never preferred on a tie. */
  readonly software: boolean;
  /** Why it was given up or not timed, e.g. `warm-up 21 s, over the 10 s cap`; empty when timed normally. */
  readonly note: string;
}

/** A whole probe: each backend's outcome and the one chosen. */
export interface ProbeReport {
  readonly results: readonly ProbeResult[];
  readonly chosen: string;
  /** Samples per timed step. */
  readonly batch: number;
  /**
   * The chosen backend timed again at the run's batch, for the estimate (a step's time does not
   * grow in proportion to its batch); absent when that timing failed or the batches are equal.
   */
  readonly runBatch?: { readonly batch: number; readonly secondsPerStep: number };
}

/** The cap (seconds) for one timed step, given the fastest step so far (null before any). */
export function stepCap(best: number | null): number {
  return best === null ? STEP_CAP_SECONDS : Math.min(STEP_CAP_SECONDS, RELATIVE_CAP * best);
}

/**
 * The backends to measure, in order: WebGPU when the browser gives an adapter, then wasm (fast
 * to start, and the yardstick that caps the slower ones), then WebGL. cpu is measured only when
 * none of those could run: it is always the slowest.
 */
export function probeOrder(hasWebgpuAdapter: boolean): string[] {
  return hasWebgpuAdapter ? ['webgpu', 'wasm', 'webgl'] : ['wasm', 'webgl'];
}

/** Order of preference on a tie: hardware GPU, wasm, software rendering, cpu. */
function rank(result: ProbeResult): number {
  if (result.backend === 'cpu') return 3;
  if (result.software) return 2;
  return result.backend === 'wasm' ? 1 : 0;
}

/**
 * The fastest measured backend; on a tie the one ranked first (a hardware GPU over wasm over a
 * software renderer over cpu). Null when none was measured.
 *
 * @example chooseBackend([{ backend: 'wasm', secondsPerStep: 0.1, … }, { backend: 'webgl', secondsPerStep: 9, software: true, … }]) // 'wasm'
 */
export function chooseBackend(results: readonly ProbeResult[]): string | null {
  let best: ProbeResult | null = null;
  for (const r of results) {
    if (r.secondsPerStep === null || !Number.isFinite(r.secondsPerStep)) continue;
    if (
      best === null ||
      r.secondsPerStep < best.secondsPerStep! ||
      (r.secondsPerStep === best.secondsPerStep && rank(r) < rank(best))
    )
      best = r;
  }
  return best?.backend ?? null;
}

/** Seconds with two significant figures: `0.12 s`, `9.8 s`, `31 s`. */
function seconds(s: number): string {
  return `${s >= 10 ? Math.round(s) : Number(s.toPrecision(2))} s`;
}

/** One result as the panel shows it, e.g. `wasm, 2 threads: 0.12 s/step`. */
export function resultText(r: ProbeResult): string {
  const figure = r.secondsPerStep === null ? r.note : `${seconds(r.secondsPerStep)}/step`;
  const extra = r.secondsPerStep !== null && r.note !== '' ? ` (${r.note})` : '';
  return `${r.label}: ${figure}${extra}`;
}

/**
 * The probe's line: every backend's figure, then the choice.
 *
 * @example probeText(report) // 'wasm, 2 threads: 0.12 s/step; webgl (software): 9.8 s/step — chose wasm'
 */
export function probeText(report: ProbeReport): string {
  return `${report.results.map(resultText).join('; ')} — chose ${report.chosen}`;
}
