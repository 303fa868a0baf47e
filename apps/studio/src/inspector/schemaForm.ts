/**
 * Inspector forms generated from a node kind's zod schema: the schema is turned into JSON Schema
 * (zod's `toJSONSchema`) and each property into a field descriptor. Values are edited as text and
 * parsed back here, so the form needs no knowledge of any particular node kind.
 */
import { z } from 'zod';

/** Bounds of a number field (JSON Schema's `minimum`/`exclusiveMinimum`/`maximum`). */
export interface NumberBounds {
  readonly min?: number;
  readonly exclusiveMin?: number;
  readonly max?: number;
}

/** One form field. `path` is the property path inside the params object. */
export type Field =
  | {
      readonly kind: 'enum';
      readonly path: string[];
      readonly options: readonly (string | number)[];
    }
  | { readonly kind: 'boolean'; readonly path: string[] }
  | ({
      readonly kind: 'number';
      readonly path: string[];
      readonly integer: boolean;
      readonly nullable: boolean;
    } & NumberBounds)
  /** An integer or one integer per axis (kernel, stride): text `3` or `3, 5`. */
  | { readonly kind: 'spatial'; readonly path: string[]; readonly nullable: boolean }
  /** A list of integers where entries may be open (`null`): text `64, 64` or `?, 64`. */
  | { readonly kind: 'sizes'; readonly path: string[] }
  | { readonly kind: 'group'; readonly path: string[]; readonly fields: readonly Field[] };

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function variants(s: Json): Json[] {
  const any = s.anyOf;
  if (!Array.isArray(any)) return [s];
  return any.filter(isObj).flatMap(variants);
}

function bounds(s: Json): NumberBounds {
  const out: { min?: number; exclusiveMin?: number; max?: number } = {};
  if (typeof s.minimum === 'number') out.min = s.minimum;
  if (typeof s.exclusiveMinimum === 'number') out.exclusiveMin = s.exclusiveMinimum;
  if (typeof s.maximum === 'number' && s.maximum < Number.MAX_SAFE_INTEGER) out.max = s.maximum;
  return out;
}

function fieldOf(s: Json, path: string[]): Field | null {
  const vs = variants(s);
  const nullable = vs.some((v) => v.type === 'null');
  const rest = vs.filter((v) => v.type !== 'null');
  if (rest.length > 0 && rest.every((v) => 'const' in v)) {
    return { kind: 'enum', path, options: rest.map((v) => v.const as string | number) };
  }
  const [first] = rest;
  if (!first) return null;
  if (
    rest.length === 2 &&
    rest.some((v) => v.type === 'integer') &&
    rest.some((v) => v.type === 'array')
  ) {
    return { kind: 'spatial', path, nullable };
  }
  if (rest.length !== 1) return null;
  if (Array.isArray(first.enum)) return { kind: 'enum', path, options: first.enum as string[] };
  if (first.type === 'boolean') return { kind: 'boolean', path };
  if (first.type === 'integer' || first.type === 'number') {
    return { kind: 'number', path, integer: first.type === 'integer', nullable, ...bounds(first) };
  }
  if (first.type === 'array') return { kind: 'sizes', path };
  if (first.type === 'object' && isObj(first.properties)) {
    return { kind: 'group', path, fields: fieldsOfProperties(first.properties, path) };
  }
  return null;
}

function fieldsOfProperties(props: Json, prefix: string[]): Field[] {
  const out: Field[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (!isObj(value)) continue;
    const f = fieldOf(value, [...prefix, key]);
    if (f) out.push(f);
  }
  return out;
}

const formCache = new WeakMap<z.ZodType, Field[]>();

/** The fields of a params schema (cached per schema). */
export function fieldsOf(schema: z.ZodType): readonly Field[] {
  let fields = formCache.get(schema);
  if (!fields) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
    fields = isObj(json.properties) ? fieldsOfProperties(json.properties, []) : [];
    formCache.set(schema, fields);
  }
  return fields;
}
