/**
 * Reading a run folder back: its epoch records (metrics.jsonl), its preview files and its
 * checkpoint.
 */
import { appendFile, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { zEpochLine, type EpochLine, type PreviewData } from './runEvents';

/** Largest preview file read back (a 128×128 preview of 16 samples is far below). */
const MAX_PREVIEW_BYTES = 32 * 1024 * 1024;

/** Appends one epoch record to `metrics.jsonl`. */
export async function appendMetrics(runDir: string, record: EpochLine): Promise<void> {
  await appendFile(join(runDir, 'metrics.jsonl'), `${JSON.stringify(record)}\n`);
}

/**
 * The run's epoch records, one per epoch (a resumed run that redid an epoch keeps the newer),
 * in epoch order. Unreadable lines are skipped.
 */
export async function readMetrics(runDir: string): Promise<EpochLine[]> {
  let text: string;
  try {
    text = await readFile(join(runDir, 'metrics.jsonl'), 'utf8');
  } catch {
    return [];
  }
  const byEpoch = new Map<number, EpochLine>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = zEpochLine.safeParse(JSON.parse(line));
      if (parsed.success) byEpoch.set(parsed.data.epoch, parsed.data);
    } catch {
      // A line cut short by a crash: skipped.
    }
  }
  return [...byEpoch.values()].sort((a, b) => a.epoch - b.epoch);
}

/** Reads a preview file named by an epoch record (only a plain name inside `previews/`). */
export async function readPreview(runDir: string, name: string): Promise<PreviewData | null> {
  if (basename(name) !== name || !/^epoch-\d+\.json$/.test(name)) return null;
  const path = join(runDir, 'previews', name);
  try {
    if ((await stat(path)).size > MAX_PREVIEW_BYTES) return null;
    return JSON.parse(await readFile(path, 'utf8')) as PreviewData;
  } catch {
    return null;
  }
}

/** The run's last checkpoint, when there is one. */
export async function lastCheckpoint(runDir: string): Promise<string | null> {
  const path = join(runDir, 'checkpoints', 'last.pt');
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}
