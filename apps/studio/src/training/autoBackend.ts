/**
 * The `auto` backend on the page's side: a run of a model this browser has measured before
 * starts on the backend that measured fastest, without measuring again; otherwise the worker
 * measures, and its figures are remembered for next time.
 */
import type { Design } from '@unet-studio/compiler';
import type { ProbeReport } from './backendChoice';
import { probeSignature, readProbe, writeProbe, type StorageLike } from './backendMemory';
import { BACKENDS, type TrainSettings } from './settings';

/** The probe the panel shows. */
export interface ShownProbe {
  readonly report: ProbeReport;
  /** True when it was measured by an earlier run in this browser (not measured again). */
  readonly cached: boolean;
  /** The model signature it belongs to (see `probeSignature`). */
  readonly signature: string;
}

/** What to send the worker for a run, and the probe to show before it starts. */
export interface AutoStart {
  readonly settings: TrainSettings;
  readonly shown: ShownProbe | null;
  /** The signature to remember the worker's probe under; null when it will not measure. */
  readonly signature: string | null;
}

/**
 * Resolves `auto` from the remembered probe of this model, when there is one.
 *
 * @example resolveAuto(design, { ...settings, backend: 'auto' }, localStorage).settings.backend // 'wasm'
 */
export function resolveAuto(
  design: Design,
  settings: TrainSettings,
  storage: StorageLike | undefined,
): AutoStart {
  if (settings.backend !== 'auto') return { settings, shown: null, signature: null };
  const signature = probeSignature(design.model, settings);
  const report = readProbe(storage, signature);
  const chosen = BACKENDS.find((b) => b === report?.chosen);
  if (report === null || chosen === undefined) return { settings, shown: null, signature };
  return {
    settings: { ...settings, backend: chosen },
    shown: { report, cached: true, signature },
    signature: null,
  };
}

/** Remembers the worker's probe under `signature` and returns what the panel shows. */
export function rememberProbe(
  storage: StorageLike | undefined,
  signature: string,
  report: ProbeReport,
): ShownProbe {
  writeProbe(storage, signature, report);
  return { report, cached: false, signature };
}
