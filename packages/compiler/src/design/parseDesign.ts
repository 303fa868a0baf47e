/**
 * `parseDesign`: the boundary where untrusted JSON (a file, a paste, a URL) becomes a `Design`.
 * Migrations run first, then the zod schema fills defaults and rejects bad fields, each issue
 * naming the field's path (e.g. `model.nodes[3].params.filters`).
 */
import { LAYER_KINDS } from '../catalogue/params';
import { migrateDesign } from './migrations';
import { zDesign, type Design } from './schema';

/** One problem with a document: the path of the bad field (`''` for the whole) and what is wrong. */
export interface ParseIssue {
  readonly path: string;
  readonly message: string;
}

/** A parsed design or its problems. */
export type ParseResult =
  | { readonly ok: true; readonly value: Design }
  | { readonly ok: false; readonly issues: readonly ParseIssue[] };

/**
 * Formats a path such as `['model', 'nodes', 3, 'params']` as `model.nodes[3].params`.
 * @example formatPath(['model', 'nodes', 3, 'kind']) // 'model.nodes[3].kind'
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * Parses a design: a JSON string or an already-parsed value.
 * @example
 * const r = parseDesign(text);
 * if (!r.ok) for (const i of r.issues) console.error(`${i.path}: ${i.message}`);
 */
export function parseDesign(json: unknown): ParseResult {
  let raw = json;
  if (typeof json === 'string') {
    try {
      raw = JSON.parse(json) as unknown;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, issues: [{ path: '', message: `The text is not valid JSON: ${why}` }] };
    }
  }
  const migrated = migrateDesign(raw);
  if (!migrated.ok) return migrated;
  const parsed = zDesign.safeParse(migrated.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const message =
      issue.code === 'invalid_union' && path.endsWith('kind')
        ? `Unknown node kind: expected one of ${LAYER_KINDS.join(', ')}.`
        : issue.message;
    return { path, message };
  });
  return { ok: false, issues };
}
