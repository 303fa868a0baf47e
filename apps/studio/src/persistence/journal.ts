/**
 * The recovery journal: when the page is hidden or left, the design not yet saved to the library
 * is written synchronously to localStorage (IndexedDB writes may not finish before the page goes
 * away). The next time the document is opened for editing, a journal newer than the stored record
 * is applied and saved, then cleared. The journal is read as hostile input: anything that does not
 * parse as a design is ignored (and never replaces the stored record).
 */
import { parseDesign, serializeDesign, type Design } from '@unet-studio/compiler';

/** The localStorage key of document `id`'s journal. */
export const journalKey = (id: string): string => `unet-studio.journal:${id}`;

/** Journals longer than this (characters) are not written: localStorage holds a few MB in all. */
export const MAX_JOURNAL_CHARS = 2_000_000;

/** A design read back from a journal. */
export interface JournalEntry {
  readonly design: Design;
  /** The serialized design, as written. */
  readonly text: string;
  /** When it was written (ms since the epoch). */
  readonly at: number;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Writes `design` as document `id`'s journal; returns false when it could not be kept. */
export function writeJournal(
  id: string,
  design: Design,
  at = Date.now(),
  store = storage(),
): boolean {
  if (!store) return false;
  try {
    const text = serializeDesign(design);
    if (text.length > MAX_JOURNAL_CHARS) return false;
    store.setItem(journalKey(id), JSON.stringify({ v: 1, at, text }));
    return true;
  } catch {
    // Full or refused storage: the IndexedDB save is still under way.
    return false;
  }
}

/** Document `id`'s journal, or null when there is none or it cannot be read. */
export function readJournal(id: string, store = storage()): JournalEntry | null {
  if (!store) return null;
  try {
    const raw = store.getItem(journalKey(id));
    if (raw === null || raw.length > MAX_JOURNAL_CHARS + 200) return null;
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const { at, text } = value as { at?: unknown; text?: unknown };
    if (typeof at !== 'number' || !Number.isFinite(at) || typeof text !== 'string') return null;
    const parsed = parseDesign(text);
    return parsed.ok ? { design: parsed.value, text, at } : null;
  } catch {
    return null;
  }
}

/** Removes document `id`'s journal (absent or refused storage is ignored). */
export function clearJournal(id: string, store = storage()): void {
  try {
    store?.removeItem(journalKey(id));
  } catch {
    // Nothing to do: an old journal is ignored once the stored record is newer.
  }
}

/**
 * The journal to apply to document `id` whose stored record was modified at `storedAt` with text
 * `storedText`: only a readable journal newer than the record and different from it.
 */
export function journalToApply(
  id: string,
  storedAt: number,
  storedText: string,
  store = storage(),
): JournalEntry | null {
  const entry = readJournal(id, store);
  if (!entry || entry.at <= storedAt || entry.text === storedText) return null;
  return entry;
}
