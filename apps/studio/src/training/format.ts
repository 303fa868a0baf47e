/**
 * Short human texts for the training panel: durations and phase lines (sizes use the compiler's
 * `formatBytes`, the one unit system of the designer and the CLI).
 */
import type { TrainingState } from './trainingState';

/** `1.2 s`, `3 min 20 s`, `1 h 05 min`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${String(Math.round(seconds - m * 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/** The backends that compile GPU kernels before their first step. */
const GPU_BACKENDS: ReadonlySet<string> = new Set(['webgl', 'webgpu']);

/**
 * The line beside the progress bar: `ETA 3 min 20 s · 41.2 images/s` while training; once paused,
 * stopping or finished the ETA is dropped (it would count down to nothing), the speed stays.
 */
export function progressText(state: TrainingState): string {
  if (state.phase === 'idle') return '';
  const p = state.run.progress;
  if (!p) return '';
  const speed = `${p.imagesPerSecond.toFixed(1)} images/s`;
  return state.phase === 'training' ? `ETA ${formatSeconds(p.etaSeconds)} · ${speed}` : speed;
}

/** One line saying what the run is doing. */
export function phaseText(state: TrainingState): string {
  switch (state.phase) {
    case 'idle':
      return 'Ready to train.';
    case 'starting':
      return state.run.settings.backend === 'auto' && state.run.backend === null
        ? 'Measuring each backend on a few training steps, to start on the fastest…'
        : 'Starting the backend, building the model and preparing the data…';
    case 'warming':
      // Only the GPU backends compile kernels; on wasm or cpu the first step is just a step.
      return GPU_BACKENDS.has(state.run.backend?.name ?? '')
        ? 'Compiling GPU kernels: the first step is slow…'
        : 'Running the first step…';
    case 'training': {
      const p = state.run.progress;
      return p ? `Epoch ${p.epoch}/${p.epochs}, batch ${p.batch}/${p.batches}` : 'Training…';
    }
    case 'paused':
      return 'Paused. The weights so far are kept.';
    case 'stopping':
      return 'Stopping after this batch…';
    case 'finished':
      return state.status === 'completed'
        ? `Finished ${state.run.epochs.length} epoch(s).`
        : `Stopped after ${state.run.epochs.length} epoch(s); the design and the last saved weights are kept.`;
    case 'failed':
      return state.message;
  }
}
