/**
 * Parsing YAML text within bounds. The `yaml` library's own duplicate-key check compares each key
 * with every earlier one (40,000 keys: 40 s), and it recurses once per level of a flow collection
 * (`[[[[…` exhausts the stack): the size is capped, flow nesting is measured before parsing, and
 * duplicate keys are found here with one set per mapping.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { checkJsonBounds, JSON_LIMITS } from './boundedJson';
import { importFailure, type ImportResult } from './result';

/** The largest YAML text read (256 KiB): a ModelManager config is a few hundred bytes. */
export const MAX_YAML_LENGTH = 256 * 1024;

/** Characters after which a quote opens a quoted scalar (elsewhere it is part of plain text). */
const TOKEN_START = new Set(['\n', ':', ',', '[', '{', '-', '?']);

/**
 * The deepest nesting of `[` and `{` outside quoted scalars and comments, stopping once past
 * `limit`. A quote counts only where a scalar can start, as in YAML (`it's` is plain text).
 * @example flowDepth('a: [[1], {b: "]"}]', 64) // 2
 */
export function flowDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let quote = '';
  let comment = false;
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (comment) {
      if (c === '\n') comment = false;
      else continue;
    }
    if (quote !== '') {
      if (c === quote) quote = '';
      continue;
    }
    if ((c === '"' || c === "'") && TOKEN_START.has(prev)) quote = c;
    else if (c === '#' && (prev === '\n' || text[i - 1] === ' ')) comment = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (c === '\n' || (c !== ' ' && c !== '\t')) prev = c;
  }
  return deepest;
}

/** The first duplicated key of any mapping, with its offset, or null. */
function duplicateKey(root: Node | null): { key: string; offset: number } | null {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && isScalar(pair.key))
          return { key: String(key), offset: pair.key.range?.[0] ?? 0 };
        seen.add(key);
        stack.push(pair.value);
      }
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
      for (const item of node.items as unknown[]) stack.push(item);
    }
  }
  return null;
}

/** Parses YAML text (YAML 1.2 core schema, unique keys, at most 100 aliases), within bounds. */
export function parseYamlText(text: string): ImportResult<unknown> {
  if (text.length > MAX_YAML_LENGTH)
    return importFailure(
      [],
      `the text is ${(text.length / 1024).toFixed(0)} KiB; a YAML config is read up to 256 KiB`,
    );
  if (flowDepth(text, JSON_LIMITS.depth) > JSON_LIMITS.depth)
    return importFailure(
      [],
      `not readable YAML: nested more than ${JSON_LIMITS.depth} levels deep`,
    );
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true, lineCounter });
    const first = doc.errors[0];
    if (first) {
      const at = first.linePos?.[0];
      const where = at ? `line ${at.line}, column ${at.col}: ` : '';
      if (first.message.includes('call stack'))
        return importFailure([], `not readable YAML: ${where}nested too deeply`);
      const message = (first.message.split('\n')[0] ?? '').replace(
        / at line \d+, column \d+:?$/,
        '',
      );
      return importFailure([], `not valid YAML: ${where}${message}`);
    }
    const duplicate = duplicateKey(doc.contents);
    if (duplicate) {
      const { line, col } = lineCounter.linePos(duplicate.offset);
      return importFailure(
        [],
        `not valid YAML: line ${line}, column ${col}: the key "${duplicate.key}" appears twice`,
      );
    }
    const value = doc.toJS({ maxAliasCount: 100 }) as unknown;
    return checkJsonBounds(value) ?? { ok: true, value };
  } catch (error) {
    return importFailure(
      [],
      `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
