/**
 * A JSON document kept in a design's `extras` as flat `path → scalar` entries, and read back.
 * The design keeps scalars and short strings only, so an imported task config (datasets,
 * augmentations, class names…) is stored leaf by leaf and rebuilt unchanged for the export.
 *
 * Paths: `/key` for an object key (`~` `/` `[` `#` escaped as `~0` `~1` `~2` `~3`), `[i]` for an
 * array index; an empty object or array is the entry `path#{}` or `path#[]`; a string longer than
 * one extras value is split into `path#s0`, `path#s1`…
 */
import type { ExtraValue } from '../../design/schema';

/** The longest key and string `extras` accept. */
const MAX_KEY = 64;
const MAX_STRING = 200;

/** Flat entries, and the paths that could not be kept (a key longer than an extras key). */
export interface FlatJson {
  readonly entries: Record<string, ExtraValue>;
  readonly dropped: readonly string[];
}

const escapeKey = (key: string): string =>
  key.replace(/~/g, '~0').replace(/\//g, '~1').replace(/\[/g, '~2').replace(/#/g, '~3');
const unescapeKey = (key: string): string =>
  key.replace(/~3/g, '#').replace(/~2/g, '[').replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Flattens a parsed JSON value (an object at the top).
 * @example flattenJson({ a: [1, { b: 'x' }] }).entries // { '/a[0]': 1, '/a[1]/b': 'x' }
 */
export function flattenJson(value: Record<string, unknown>): FlatJson {
  const entries: Record<string, ExtraValue> = {};
  const dropped: string[] = [];
  const put = (key: string, v: ExtraValue) => {
    if (key.length > MAX_KEY) dropped.push(key);
    else entries[key] = v;
  };
  const walk = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      if (v.length === 0) put(`${path}#[]`, null);
      v.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (typeof v === 'object' && v !== null) {
      const keys = Object.keys(v);
      if (keys.length === 0) put(`${path}#{}`, null);
      for (const k of keys) walk((v as Record<string, unknown>)[k], `${path}/${escapeKey(k)}`);
    } else if (typeof v === 'string' && v.length > MAX_STRING) {
      for (let i = 0; i * MAX_STRING < v.length; i++)
        put(`${path}#s${i}`, v.slice(i * MAX_STRING, (i + 1) * MAX_STRING));
    } else if (typeof v === 'number' && !Number.isFinite(v)) {
      dropped.push(path);
    } else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      put(path, v);
    } else {
      put(path, null);
    }
  };
  walk(value, '');
  return { entries, dropped };
}

type Segment = string | number;

function parsePath(path: string): Segment[] | null {
  const segments: Segment[] = [];
  const re = /\/([^/[#]*)|\[(\d{1,9})\]/y;
  let at = 0;
  while (at < path.length) {
    re.lastIndex = at;
    const m = re.exec(path);
    if (!m) return null;
    segments.push(m[2] === undefined ? unescapeKey(m[1] ?? '') : Number(m[2]));
    at = re.lastIndex;
  }
  return segments;
}

function setOwn(target: Record<string, unknown> | unknown[], key: Segment, value: unknown): void {
  // defineProperty, not assignment: a "__proto__" key stays a plain key.
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function child(parent: Record<string, unknown> | unknown[], key: Segment, next: Segment | null) {
  const existing = Object.hasOwn(parent, key)
    ? (parent as Record<Segment, unknown>)[key]
    : undefined;
  if (typeof existing === 'object' && existing !== null) return existing as Record<string, unknown>;
  const made = typeof next === 'number' || next === '[]' ? [] : {};
  setOwn(parent, key, made);
  return made;
}

/** Rebuilds the value `flattenJson` flattened; entries that are not paths are ignored. */
export function unflattenJson(
  entries: Readonly<Record<string, ExtraValue>>,
): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    const hash = key.lastIndexOf('#');
    const tail = hash >= 0 ? key.slice(hash + 1) : null;
    const segments = parsePath(hash >= 0 ? key.slice(0, hash) : key);
    if (!segments) continue;
    let node: Record<string, unknown> | unknown[] = root;
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      if (!last) {
        node = child(node, segment, segments[i + 1] ?? null);
      } else if (tail === '{}' || tail === '[]') {
        child(node, segment, tail);
      } else if (tail !== null && /^s\d+$/.test(tail)) {
        const before = (node as Record<Segment, unknown>)[segment];
        setOwn(node, segment, (typeof before === 'string' ? before : '') + String(value));
      } else {
        setOwn(node, segment, value);
      }
    });
  }
  return root;
}
