/**
 * `parseDesign`: the boundary where untrusted JSON (a file, a paste, a URL) becomes a `Design`.
 * Migrations run first, then the zod schema fills defaults and rejects bad fields, each issue
 * naming the field's path (e.g. `model.nodes[3].params.filters`).
 */
import { LAYER_KINDS } from '../catalogue/params';
import { checkJsonBounds, readJson } from '../formats/boundedJson';
import { excerpt } from '../formats/excerpt';
import { formatFieldPath, type FormatIssue } from '../formats/result';
import { migrateDesign } from './migrations';
import { zDesign, type Design } from './schema';

/** One problem with a document: the path of the bad field (`''` for the whole) and what is wrong. */
export interface ParseIssue {
  readonly path: string;
  readonly message: string;
}

/** The most issues one parse returns: a hostile document may have hundreds of thousands. */
const MAX_ISSUES = 50;

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
    const read = readJson(json);
    if (!read.ok) return { ok: false, issues: read.issues.map(parseIssue) };
    raw = read.value;
  } else {
    const bounds = checkJsonBounds(json);
    if (bounds && !bounds.ok) return { ok: false, issues: bounds.issues.map(parseIssue) };
  }
  const migrated = migrateDesign(raw);
  if (!migrated.ok) return migrated;
  const parsed = zDesign.safeParse(migrated.value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const all = parsed.error.issues;
  const issues = all.slice(0, MAX_ISSUES).map((issue) => {
    const path = excerpt(formatPath(issue.path), 160);
    const message =
      issue.code === 'invalid_union' && path.endsWith('kind')
        ? `Unknown node kind: expected one of ${LAYER_KINDS.join(', ')}.`
        : excerpt(issue.message, 300);
    return { path, message };
  });
  if (all.length > MAX_ISSUES)
    issues.push({ path: '', message: `and ${all.length - MAX_ISSUES} more problems` });
  return { ok: false, issues };
}

/** A reader's issue as a parse issue. */
function parseIssue(issue: FormatIssue): ParseIssue {
  const path = issue.path.length === 0 ? '' : formatFieldPath(issue.path);
  return { path, message: issue.message };
}
