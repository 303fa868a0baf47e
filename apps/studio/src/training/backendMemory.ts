/**
 * What this browser remembers about backends (localStorage): the backend the user chose (until
 * they go back to Auto), and the last probe of each model, so a second Train of the same model at
 * the same size does not measure again. Stale or hostile values are ignored, never trusted.
 */
import { z } from 'zod';
import type { ProbeReport } from './backendChoice';
import { BACKEND_CHOICES, type BackendChoice, type TrainSettings } from './settings';

/** Where the user's backend choice is remembered. */
export const BACKEND_KEY = 'unet-studio.trainBackend';
/** Where the last probes are remembered, by model signature. */
export const PROBE_KEY = 'unet-studio.backendProbe';
/** Probes kept (the most recent models). */
export const PROBES_KEPT = 8;
/** The longest stored text read back (characters). */
const MAX_STORED = 64_000;

/** The part of Storage used here. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The remembered explicit choice, or null for Auto (also when none or an unknown one is stored). */
export function readBackendChoice(storage: StorageLike | undefined): BackendChoice | null {
  try {
    const raw = storage?.getItem(BACKEND_KEY) ?? null;
    const known = (BACKEND_CHOICES as readonly string[]).includes(raw ?? '');
    return known && raw !== 'auto' ? (raw as BackendChoice) : null;
  } catch {
    return null;
  }
}

/** Remembers `choice` (Auto forgets the previous choice); a refusing storage is not an error. */
export function writeBackendChoice(storage: StorageLike | undefined, choice: BackendChoice): void {
  try {
    if (choice === 'auto') storage?.removeItem(BACKEND_KEY);
    else storage?.setItem(BACKEND_KEY, choice);
  } catch {
    // Nothing to do: the choice just is not remembered.
  }
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What a probe's figures depend on: the model's layers, the run's size, loss and optimizer. */
export function probeSignature(model: unknown, settings: TrainSettings): string {
  const { size, loss, optimizer } = settings;
  return hash(JSON.stringify({ model, size, loss, optimizer }));
}

const zResult = z.object({
  backend: z.string().max(16),
  label: z.string().max(80),
  secondsPerStep: z.number().positive().finite().nullable(),
  software: z.boolean(),
  note: z.string().max(300),
});
const zReport = z.object({
  results: z.array(zResult).max(8),
  chosen: z.string().max(16),
  batch: z.number().int().positive(),
  runBatch: z
    .object({ batch: z.number().int().positive(), secondsPerStep: z.number().positive().finite() })
    .optional(),
});
const zEntries = z.array(z.object({ signature: z.string().max(16), report: zReport })).max(64);

type Entries = z.infer<typeof zEntries>;

function readEntries(storage: StorageLike | undefined): Entries {
  try {
    const raw = storage?.getItem(PROBE_KEY);
    if (!raw || raw.length > MAX_STORED) return [];
    const parsed = zEntries.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** The probe remembered for `signature`, or null. */
export function readProbe(storage: StorageLike | undefined, signature: string): ProbeReport | null {
  return readEntries(storage).find((e) => e.signature === signature)?.report ?? null;
}

/** Remembers `report` for `signature`, keeping the {@link PROBES_KEPT} most recent. */
export function writeProbe(
  storage: StorageLike | undefined,
  signature: string,
  report: ProbeReport,
): void {
  const others = readEntries(storage).filter((e) => e.signature !== signature);
  const entries = [{ signature, report }, ...others].slice(0, PROBES_KEPT);
  try {
    storage?.setItem(PROBE_KEY, JSON.stringify(entries));
  } catch {
    // Nothing to do: the next Train measures again.
  }
}

/** Forgets the probe of `signature`, so the next Train measures again. */
export function forgetProbe(storage: StorageLike | undefined, signature: string): void {
  const entries = readEntries(storage).filter((e) => e.signature !== signature);
  try {
    storage?.setItem(PROBE_KEY, JSON.stringify(entries));
  } catch {
    // Nothing to do.
  }
}

/** The browser's localStorage, when there is one. */
export function browserStorage(): StorageLike | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}
