/**
 * Parsing JSON and YAML text defensively: errors become issues with a position, YAML aliases are
 * capped (no "billion laughs"), and the size of the text, the nesting depth and the keys per object
 * are bounded (see `boundedJson.ts`).
 */
import { JSON_LIMITS, readJson } from './boundedJson';
import type { ImportResult } from './result';

export { parseYamlText } from './yamlText';

/** The largest config or design text the importers read (8 MiB). */
export const MAX_TEXT_LENGTH = JSON_LIMITS.length;

/**
 * Parses JSON text within the bounds of `readJson` (size, nesting, keys per object); a syntax
 * error becomes an issue naming the problem.
 */
export function parseJsonText(text: string): ImportResult<unknown> {
  return readJson(text);
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
