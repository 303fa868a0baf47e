/**
 * A run's record, `run.json` in its folder: what was asked (settings, data) and where it stands.
 * The folder is the truth; the server keeps no other state, so a restart lists the runs again.
 */
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { endOrphan } from './orphans';
import { join } from 'node:path';
import { z } from 'zod';

/** Where a run stands. `interrupted`: the server stopped while it was queued or training. */
export const RUN_STATUSES = [
  'queued',
  'running',
  'completed',
  'stopped',
  'failed',
  'interrupted',
] as const;
/** A run status. */
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Where a run's data comes from. */
export const zDataSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('synthetic'), samples: z.number().int().min(2).max(100_000) }),
  z.object({ kind: z.literal('folder'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('upload'), id: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
]);
/** A data source. */
export type DataSpec = z.infer<typeof zDataSpec>;

/** The training settings of a run (the design's, overridden by the request). */
export const zRunSettings = z.object({
  epochs: z.number().int().min(1).max(100_000),
  batchSize: z.number().int().min(1).max(65_536),
  learningRate: z.number().positive().max(10),
  /** Processes per node: GPUs, or CPU processes without CUDA. */
  processes: z.number().int().min(1).max(256),
  amp: z.boolean(),
  valFraction: z.number().min(0).max(0.9),
  /**
   * Spatial training size (`[H, W]`, or `[L]`…), passed to train.py as `--size`: the studio's
   * for a design that leaves its input size open. Absent: the design's own size.
   */
  size: z.array(z.number().int().min(1).max(16_384)).min(1).max(3).optional(),
  data: zDataSpec,
});
/** A run's settings. */
export type RunSettings = z.infer<typeof zRunSettings>;

/** `run.json`. */
export const zRunRecord = z.object({
  version: z.literal(1),
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  status: z.enum(RUN_STATUSES),
  settings: zRunSettings,
  /** Epochs finished (the last checkpoint's). */
  epochsDone: z.number().int().min(0),
  /** Why it failed, or other news for the user. */
  message: z.string().nullable(),
  /** torchrun's process (and process group) id while the run is going. */
  pid: z.number().int().positive().nullable().default(null),
});
/** A run record. */
export type RunRecord = z.infer<typeof zRunRecord>;

/** A run id: the time it was made and a random suffix; nothing else is accepted in a URL. */
export const RUN_ID = /^\d{8}-\d{6}-[a-f0-9]{6}$/;

/** Writes `run.json` atomically (a temporary file, then a rename). */
export async function writeRunRecord(dir: string, record: RunRecord): Promise<void> {
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, 'run.json.tmp');
  await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`);
  await rename(tmp, join(dir, 'run.json'));
}

/** Reads `run.json`, or null when it is missing or malformed (the folder is left as it is). */
export async function readRunRecord(dir: string): Promise<RunRecord | null> {
  try {
    const parsed = zRunRecord.safeParse(JSON.parse(await readFile(join(dir, 'run.json'), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Every readable run under `runsDir`, oldest first. Runs that were queued or training when the
 * server stopped are marked `interrupted` (and saved so), so they can be resumed.
 */
export async function loadRuns(runsDir: string): Promise<RunRecord[]> {
  await mkdir(runsDir, { recursive: true });
  const names = (await readdir(runsDir)).filter((n) => RUN_ID.test(n)).sort();
  const runs: RunRecord[] = [];
  for (const name of names) {
    const record = await readRunRecord(join(runsDir, name));
    if (record === null || record.id !== name) continue;
    if (record.status === 'running' || record.status === 'queued') {
      // A server killed outright leaves torchrun going: end it before the run can be resumed.
      if (record.pid !== null) await endOrphan(record.pid, join(runsDir, name));
      const interrupted: RunRecord = {
        ...record,
        pid: null,
        status: 'interrupted',
        updatedAt: new Date().toISOString(),
        message: `the server stopped while the run was ${record.status}`,
      };
      await writeRunRecord(join(runsDir, name), interrupted);
      runs.push(interrupted);
    } else {
      runs.push(record);
    }
  }
  return runs;
}
