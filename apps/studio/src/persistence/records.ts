/**
 * Reading the library's records: each stored value is either a document this version can open or
 * an unreadable record, kept with the reason and its raw text so the user can take it elsewhere.
 */
import { parseDesign, type Design, type ParseResult } from '@unet-studio/compiler';
import { RECORD_FORMAT, type DocumentRecord } from './db';

/** A stored design longer than this is not parsed (it is listed as too large). */
export const MAX_DESIGN_CHARS = 20_000_000;

/** A document that opens. */
export interface ReadableDocument {
  readonly kind: 'document';
  readonly record: DocumentRecord;
  readonly design: Design;
}

/** A stored record that cannot be opened: never deleted by the app, listed with the reason. */
export interface UnreadableRecord {
  readonly kind: 'unreadable';
  /** The record's key in the store. */
  readonly key: IDBValidKey;
  /** Its name when one can be read, else its key. */
  readonly name: string;
  /** Why it cannot be opened (a newer format says so). */
  readonly reason: string;
  /** The text to download: the design text when it is a string, else the whole record as JSON. */
  readonly raw: string;
  readonly modifiedAt: number | null;
}

/** A classified record. */
export type LibraryEntry = ReadableDocument | UnreadableRecord;

const field = (v: Record<string, unknown>, k: string): unknown => v[k];

/**
 * Classifies one stored value under `key`. Never throws. `parse` reads the design text (a cache of
 * `parseDesign` when lists are read often).
 */
export function readRecord(
  key: IDBValidKey,
  value: unknown,
  parse: (text: string) => ParseResult = parseDesign,
): LibraryEntry {
  const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = field(v, 'text');
  const rawName = field(v, 'name');
  const modified = field(v, 'modifiedAt');
  const base = {
    kind: 'unreadable' as const,
    key,
    name: typeof rawName === 'string' && rawName !== '' ? rawName : keyText(key),
    raw: typeof text === 'string' ? text : rawText(value),
    modifiedAt: typeof modified === 'number' && Number.isFinite(modified) ? modified : null,
  };
  const format = field(v, 'format');
  if (typeof format === 'number' && format > RECORD_FORMAT)
    return {
      ...base,
      reason: `It was written by a newer version of U-Net Studio (record format ${format}; this version reads format ${RECORD_FORMAT}). Update U-Net Studio to open it.`,
    };
  const problem = recordProblem(v);
  if (problem) return { ...base, reason: problem };
  if (typeof text === 'string' && text.length > MAX_DESIGN_CHARS)
    return {
      ...base,
      reason: `The design is too large to open: ${(text.length / 1e6).toFixed(1)} million characters, above the limit of ${MAX_DESIGN_CHARS / 1e6} million.`,
    };
  const parsed = parse(text as string);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    const where = issue?.path ? ` (at ${issue.path})` : '';
    return {
      ...base,
      reason: `The design cannot be read${where}: ${issue?.message ?? 'unknown problem'}`,
    };
  }
  return { kind: 'document', record: value as DocumentRecord, design: parsed.value };
}

function recordProblem(v: Record<string, unknown>): string | null {
  if (typeof v.id !== 'string' || v.id === '') return 'The record has no document id.';
  if (v.format !== RECORD_FORMAT)
    return `The record format is ${JSON.stringify(v.format) ?? 'missing'}, not ${RECORD_FORMAT}.`;
  if (typeof v.text !== 'string')
    return `The design is stored as ${describe(v.text)}, not as text.`;
  for (const k of ['createdAt', 'modifiedAt'] as const)
    if (typeof v[k] !== 'number' || !Number.isFinite(v[k]))
      return `The record's ${k} is not a time.`;
  return null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function keyText(key: IDBValidKey): string {
  return typeof key === 'string' ? key : rawText(key);
}

/** JSON of a stored value, or its string form when JSON cannot express it. */
export function rawText(value: unknown): string {
  try {
    const json = JSON.stringify(value, (_k, x: unknown) =>
      x instanceof ArrayBuffer || ArrayBuffer.isView(x) ? `[${describe(x)} of binary data]` : x,
    );
    return json ?? String(value);
  } catch {
    return String(value);
  }
}
