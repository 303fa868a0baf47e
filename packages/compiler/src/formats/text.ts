/**
 * Parsing JSON and YAML text defensively: errors become issues with a position, YAML aliases are
 * capped (no "billion laughs"), and the size of the text is bounded.
 */
import { parseDocument } from 'yaml';
import { importFailure, type ImportResult } from './result';

/** The largest config or design text the importers read (8 MiB). */
export const MAX_TEXT_LENGTH = 8 * 1024 * 1024;

/** Parses JSON text; a syntax error becomes an issue naming the problem. */
export function parseJsonText(text: string): ImportResult<unknown> {
  if (text.length > MAX_TEXT_LENGTH) return importFailure([], 'the text is larger than 8 MiB');
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return importFailure(
      [],
      `not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Parses YAML text (YAML 1.2 core schema, unique keys, at most 100 aliases). */
export function parseYamlText(text: string): ImportResult<unknown> {
  if (text.length > MAX_TEXT_LENGTH) return importFailure([], 'the text is larger than 8 MiB');
  try {
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
    const first = doc.errors[0];
    if (first) {
      const at = first.linePos?.[0];
      const where = at ? `line ${at.line}, column ${at.col}: ` : '';
      const message = (first.message.split('\n')[0] ?? '').replace(
        / at line \d+, column \d+:?$/,
        '',
      );
      return importFailure([], `not valid YAML: ${where}${message}`);
    }
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
  } catch (error) {
    return importFailure(
      [],
      `not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * JSON with two-space indentation where arrays of numbers, strings, booleans or nulls stay on one
 * line (`"features": [64, 128, 256]`), as people write configs by hand.
 */
export function toPrettyJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) {
      return `[${value.map((v) => JSON.stringify(v) ?? 'null').join(', ')}]`;
    }
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + toPrettyJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    const lines = entries.map(
      ([k, v]) => `${inner}${JSON.stringify(k)}: ${toPrettyJson(v, inner)}`,
    );
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
