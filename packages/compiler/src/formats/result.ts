/**
 * Results shared by every importer and exporter: importers never throw on bad input, they return
 * the path of the bad field; exporters name the node that does not fit the target format.
 */
import type { z } from 'zod';
import { excerpt } from './excerpt';

/** The path of a field inside an imported document, e.g. `['model', 'parameters', 'features', 2]`. */
export type FieldPath = readonly (string | number)[];

/** Something wrong with an imported document, at `path`. */
export interface FormatIssue {
  readonly path: FieldPath;
  readonly message: string;
}

/** The outcome of reading a document. */
export type ImportResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly FormatIssue[] };

/** Why a design cannot be written in a format; `nodeId` is null for design-wide problems. */
export interface ExportIssue {
  readonly nodeId: string | null;
  readonly message: string;
}

/** The outcome of writing a design in a format. */
export type ExportResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ExportIssue[] };

/**
 * Writes a field path the way a user reads it.
 * @example formatFieldPath(['model', 'parameters', 'features', 2]) // 'model.parameters.features[2]'
 */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? excerpt(key, 40) : `.${excerpt(key, 40)}`;
  }
  return text === '' ? '(document)' : text;
}

/** One issue as a line: `path: message`, each cut to a short excerpt. */
export function formatIssue(issue: FormatIssue): string {
  return `${excerpt(formatFieldPath(issue.path), 160)}: ${excerpt(issue.message, 300)}`;
}

/** A failed import with one issue. */
export function importFailure(path: FieldPath, message: string): ImportResult<never> {
  return { ok: false, issues: [{ path, message }] };
}

/** The most issues one conversion lists; a hostile document may have hundreds of thousands. */
const MAX_ZOD_ISSUES = 50;

/**
 * Converts zod issues to format issues under `prefix` (at most 50, then a count of the rest). Unknown keys get one issue each, at the
 * key's own path, worded by `describeUnknownKey` when given (to list the keys the format allows).
 */
export function issuesFromZod(
  error: z.ZodError,
  prefix: FieldPath,
  describeUnknownKey?: (key: string, parent: FieldPath) => string,
): FormatIssue[] {
  const issues: FormatIssue[] = [];
  let more = 0;
  for (const issue of error.issues) {
    if (issues.length >= MAX_ZOD_ISSUES) {
      more += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
      continue;
    }
    const path: FieldPath = [
      ...prefix,
      ...issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    ];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (issues.length >= MAX_ZOD_ISSUES) {
          more++;
          continue;
        }
        const message = describeUnknownKey?.(key, path) ?? `unknown field "${key}"`;
        issues.push({ path: [...path, key], message });
      }
    } else {
      issues.push({ path, message: issue.message });
    }
  }
  if (more > 0)
    issues.push({ path: prefix, message: `and ${more.toLocaleString('en-US')} more problems` });
  return issues;
}

/** True for plain objects (not arrays, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
