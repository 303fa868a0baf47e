/**
 * Text ⇄ value for inspector fields, and path access into a params object. Parsing says what is
 * wrong in words a user reads; range checks are left to the zod schema.
 */
import type { Field } from './schemaForm';

/** The result of parsing a field's text. */
export type Parsed =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

/** The value at `path` in `obj`. */
export function getAt(obj: unknown, path: readonly string[]): unknown {
  let v = obj;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

/** A copy of `obj` with `value` at `path` (intermediate objects are copied, not mutated). */
export function setAt(
  obj: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): Record<string, unknown> {
  const [key, ...rest] = path;
  if (key === undefined) return obj;
  const inner = obj[key];
  const child =
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? (inner as Record<string, unknown>)
      : {};
  return { ...obj, [key]: rest.length === 0 ? value : setAt(child, rest, value) };
}

/** The text shown for a value: `3`, `3, 5`, `?, 64`, `` for null numbers. */
export function fieldText(_field: Field, value: unknown): string {
  const scalar = (v: unknown): string =>
    typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? String(v) : '';
  if (Array.isArray(value)) return value.map((v) => (v === null ? '?' : scalar(v))).join(', ');
  return scalar(value);
}

function parseInt10(text: string): number | null {
  return /^[+-]?\d+$/.test(text) ? Number(text) : null;
}

/** Parses a field's text into a value. */
export function parseFieldText(field: Field, raw: string): Parsed {
  const text = raw.trim();
  switch (field.kind) {
    case 'number': {
      if (text === '') {
        return field.nullable
          ? { ok: true, value: null }
          : { ok: false, message: 'enter a number' };
      }
      const n = Number(text);
      if (!Number.isFinite(n)) return { ok: false, message: `"${text}" is not a number` };
      if (field.integer && !Number.isInteger(n))
        return { ok: false, message: 'enter a whole number' };
      return { ok: true, value: n };
    }
    case 'spatial': {
      if (text === '') {
        return field.nullable
          ? { ok: true, value: null }
          : { ok: false, message: 'enter a size, e.g. 3 or 3, 5' };
      }
      const parts = text.split(/[\s,×x]+/).filter(Boolean);
      const nums = parts.map(parseInt10);
      if (nums.some((n) => n === null)) return { ok: false, message: `"${text}" is not 3 or 3, 5` };
      if (nums.length > 2) return { ok: false, message: 'at most one value per axis (2)' };
      return { ok: true, value: nums.length === 1 ? nums[0] : nums };
    }
    case 'sizes': {
      const parts = text.split(/[\s,×x]+/).filter(Boolean);
      if (parts.length === 0) return { ok: false, message: 'enter one size per axis, e.g. 64, 64' };
      const values: (number | null)[] = [];
      for (const p of parts) {
        if (p === '?') values.push(null);
        else {
          const n = parseInt10(p);
          if (n === null) return { ok: false, message: `"${p}" is not a whole number or ?` };
          values.push(n);
        }
      }
      return { ok: true, value: values };
    }
    case 'enum': {
      const found = field.options.find((o) => String(o) === text);
      return found === undefined
        ? { ok: false, message: `choose one of ${field.options.join(', ')}` }
        : { ok: true, value: found };
    }
    case 'boolean':
      return { ok: true, value: text === 'true' };
    case 'group':
      return { ok: false, message: 'a group has no text' };
  }
}
