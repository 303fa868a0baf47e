/**
 * Trained weights and preview pictures kept with a document (its library attachments), one pair
 * per run: `run-weights:<runId>` and `run-preview:<runId>`. The latest run and every pinned run
 * keep theirs; when a run ends, the others' are removed (their records stay in `design.runs`).
 */
import type { Design, RunRecord } from '@unet-studio/compiler';
import type { Library } from '../persistence/library';
import type { ModelArtifactsData, PreviewSample } from './protocol';

const WEIGHTS = 'run-weights:';
const PREVIEW = 'run-preview:';

/** A run's weights as the document keeps them. */
export interface StoredWeights {
  readonly runId: string;
  /** The epoch they were saved after. */
  readonly epoch: number;
  /** When they were saved (ms since 1970). */
  readonly savedAt: number;
  /** Bytes of the weights. */
  readonly bytes: number;
  /** {@link modelFingerprint} of the design the run trained. */
  readonly fingerprint: string;
  readonly artifacts: ModelArtifactsData;
}

/** A run's last preview strip as the document keeps it. */
export interface StoredPreview {
  readonly runId: string;
  readonly epoch: number;
  readonly samples: readonly PreviewSample[];
}

/** What is stored for one run, without its bytes. */
export interface StoredRunSummary {
  readonly runId: string;
  readonly epoch: number;
  readonly bytes: number;
  readonly fingerprint: string;
}

/** The attachment key of a run's weights. */
export const weightsKey = (runId: string): string => WEIGHTS + runId;
/** The attachment key of a run's preview. */
export const previewKey = (runId: string): string => PREVIEW + runId;

/** The run an attachment key belongs to, or null for keys that are not a run's. */
export function runOfKey(key: string): string | null {
  if (key.startsWith(WEIGHTS)) return key.slice(WEIGHTS.length);
  if (key.startsWith(PREVIEW)) return key.slice(PREVIEW.length);
  return null;
}

/**
 * What identifies a design's network: its nodes and edges without display names. Weights fit a
 * design when its fingerprint is the one they were trained with.
 */
export function modelFingerprint(design: Design): string {
  const nodes = design.model.nodes.map(({ name: _name, ...rest }) => rest);
  return JSON.stringify({ nodes, edges: design.model.edges });
}

/** The runs whose weights are kept: `latestId` and every pinned run of `runs`. */
export function keptRuns(runs: readonly RunRecord[], latestId: string | null): Set<string> {
  const kept = new Set(runs.filter((r) => r.pinned === true).map((r) => r.id));
  if (latestId !== null) kept.add(latestId);
  return kept;
}

/** The run attachments among `keys` that belong to no run of `kept`. */
export function keysToRemove(keys: readonly string[], kept: ReadonlySet<string>): string[] {
  return keys.filter((k) => {
    const run = runOfKey(k);
    return run !== null && !kept.has(run);
  });
}

type Attachments = Pick<
  Library,
  'putAttachment' | 'attachment' | 'attachmentKeys' | 'removeAttachment'
>;

/** Reads and writes the runs stored with documents of `library`. */
export function createRunStorage(library: Attachments) {
  return {
    /** Stores (replaces) a run's weights and, when given, its preview, with document `docId`. */
    async save(docId: string, weights: StoredWeights, preview: StoredPreview | null) {
      await library.putAttachment(docId, weightsKey(weights.runId), weights);
      if (preview) await library.putAttachment(docId, previewKey(preview.runId), preview);
    },
    /** A run's stored weights, or null. */
    async weights(docId: string, runId: string): Promise<StoredWeights | null> {
      const value = (await library.attachment(docId, weightsKey(runId))) as
        StoredWeights | undefined;
      return value?.artifacts ? value : null;
    },
    /** A run's stored preview, or null. */
    async preview(docId: string, runId: string): Promise<StoredPreview | null> {
      const value = (await library.attachment(docId, previewKey(runId))) as
        StoredPreview | undefined;
      return Array.isArray(value?.samples) ? value : null;
    },
    /** What is stored for each run of the document (reads each weights record once). */
    async summaries(docId: string): Promise<StoredRunSummary[]> {
      const keys = (await library.attachmentKeys(docId)).filter((k) => k.startsWith(WEIGHTS));
      const out: StoredRunSummary[] = [];
      for (const key of keys) {
        const w = (await library.attachment(docId, key)) as StoredWeights | undefined;
        if (w?.artifacts)
          out.push({ runId: w.runId, epoch: w.epoch, bytes: w.bytes, fingerprint: w.fingerprint });
      }
      return out;
    },
    /** Removes the weights and previews of every run but `kept`; returns the runs removed. */
    async prune(docId: string, kept: ReadonlySet<string>): Promise<string[]> {
      const remove = keysToRemove(await library.attachmentKeys(docId), kept);
      await library.removeAttachment(docId, ...remove);
      return [...new Set(remove.map((k) => runOfKey(k) ?? ''))];
    },
  };
}

/** The run storage's operations. */
export type RunStorage = ReturnType<typeof createRunStorage>;
