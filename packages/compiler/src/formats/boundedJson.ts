/**
 * The one bounded JSON reader every import path uses (files, pasted text, share links, the
 * autosave): the text's size, the nesting depth and the keys per object are checked before any
 * schema sees the value, so a hostile document gets a short message naming the field, never a
 * stack overflow or a megabyte of echoed input.
 */
import { excerpt } from './excerpt';
import { importFailure, type FieldPath, type ImportResult } from './result';

/** The limits of `readJson` and `checkJsonBounds`; docs/cli.md and docs/errors.md list them. */
export const JSON_LIMITS = {
  /** Characters of text (8 MiB). */
  length: 8 * 1024 * 1024,
  /** Nesting of arrays and objects. */
  depth: 64,
  /** Keys of one object (a design's `layout.positions` has one per node). */
  keys: 100_000,
} as const;

/** One entry of the walk: a value, its depth, and how to rebuild its path on failure. */
interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly parent: Visit | null;
  readonly key: string | number;
}

function pathOf(visit: Visit): FieldPath {
  const path: (string | number)[] = [];
  for (let v: Visit | null = visit; v?.parent; v = v.parent)
    path.push(typeof v.key === 'string' ? excerpt(v.key, 40) : v.key);
  return path.reverse();
}

/**
 * Checks an already-parsed value against `JSON_LIMITS` (depth and keys per object), without
 * recursion. Returns null when it is within them, else the issue at the offending field.
 * @example checkJsonBounds(JSON.parse('[[[[1]]]]')) // null
 */
export function checkJsonBounds(value: unknown): ImportResult<never> | null {
  const stack: Visit[] = [{ value, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    const v = visit.value;
    if (typeof v !== 'object' || v === null) continue;
    if (visit.depth >= JSON_LIMITS.depth)
      return importFailure(
        pathOf(visit),
        `nested more than ${JSON_LIMITS.depth} levels deep; no U-Net Studio document is`,
      );
    const depth = visit.depth + 1;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--)
        stack.push({ value: v[i] as unknown, depth, parent: visit, key: i });
      continue;
    }
    const keys = Object.keys(v);
    if (keys.length > JSON_LIMITS.keys)
      return importFailure(
        pathOf(visit),
        `an object with ${keys.length.toLocaleString('en-US')} fields; at most ${JSON_LIMITS.keys.toLocaleString('en-US')} are read`,
      );
    const record = v as Record<string, unknown>;
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      stack.push({ value: record[key], depth, parent: visit, key });
    }
  }
  return null;
}

/**
 * Parses JSON text within `JSON_LIMITS`; every failure is one issue with the field's path and a
 * short message.
 * @example readJson('{"a": [1, 2]}') // { ok: true, value: { a: [1, 2] } }
 */
export function readJson(text: string): ImportResult<unknown> {
  if (text.length > JSON_LIMITS.length)
    return importFailure(
      [],
      `the text is ${(text.length / 1024 / 1024).toFixed(1)} MiB; at most 8 MiB is read`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return importFailure([], `not valid JSON: ${excerpt(why, 160)}`);
  }
  return checkJsonBounds(value) ?? { ok: true, value };
}
