/**
 * Property tests: random and corrupted configs never make an importer throw; they come back as
 * `{ ok: false, issues }` with the path of the bad field, and exporters never throw on any design.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../design/parseDesign';
import { TEMPLATES } from '../templates/index';
import {
  designToModelManager,
  readModelManager,
  writeModelManager,
  zModelManagerParams,
} from './modelManager/index';
import type { FieldPath, ImportResult } from './result';
import {
  designToUNetParams,
  exportUNetParams,
  readUNetParams,
  readUNetParamsValue,
  unetParamsDocument,
  unetParamsImport,
} from './unetParams/index';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path inside a JSON value (objects and arrays), the root included. */
function pathsOf(value: Json, prefix: FieldPath = []): FieldPath[] {
  const out: FieldPath[] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** A copy of `value` with the field at `path` replaced (or removed when `replacement` is undefined). */
function replaceAt(value: Json, path: FieldPath, replacement: Json | undefined): Json | undefined {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value) && typeof head === 'number') {
    const copy = [...value];
    const inner = replaceAt(copy[head] ?? null, rest, replacement);
    if (inner === undefined) copy.splice(head, 1);
    else copy[head] = inner;
    return copy;
  }
  if (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    typeof head === 'string'
  ) {
    const copy: { [key: string]: Json } = { ...value };
    const inner = replaceAt(copy[head] ?? null, rest, replacement);
    if (inner === undefined) delete copy[head];
    else copy[head] = inner;
    return copy;
  }
  return value;
}

const related = (a: FieldPath, b: FieldPath) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((k, i) => k === b[i]);
};

/** Corrupts `base` at a random path; returns the corrupted value and the path. */
const corrupted = (base: Json) =>
  fc
    .record({
      index: fc.nat(),
      replacement: fc.oneof(fc.jsonValue() as fc.Arbitrary<Json>, fc.constant(undefined)),
    })
    .map(({ index, replacement }) => {
      const paths = pathsOf(base);
      const path = paths[index % paths.length] ?? [];
      return { value: replaceAt(base, path, replacement) ?? null, path };
    });

function checkResult(result: ImportResult<unknown>, path: FieldPath | null): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) expect(typeof issue.message).toBe('string');
  if (path) expect(result.issues.some((i) => related(i.path, path))).toBe(true);
}

const MM_BASE = {
  model: { name: 'unet', parameters: zModelManagerParams.parse({ features: [8, 16, 32] }) },
} as Json;
const HK = {
  filters: 8,
  depth: 2,
  ddepth: 1,
  kernel: [1, 5],
  pool: [1, 3],
  strides: [1, 2],
  skip: true,
  seperable: true,
};
const UP_BASE = {
  name: 'unet',
  input_shape: [64, 1],
  params: { blocks: [HK, { ...HK, filters: 16 }], output_kernel_size: [1, 5], num_classes: 3 },
} as Json;

describe('importers never throw', () => {
  it('ModelManager JSON/YAML documents corrupted at any field report that field', () => {
    fc.assert(
      fc.property(corrupted(MM_BASE), ({ value, path }) => {
        checkResult(readModelManager(JSON.stringify(value), 'json'), path);
        checkResult(
          readModelManager(
            writeModelManager(zModelManagerParams.parse({}), 'yaml') + JSON.stringify(value),
            'yaml',
          ),
          null,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary text in every spelling', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        for (const syntax of ['json', 'yaml', 'python'] as const)
          checkResult(readModelManager(text, syntax), null);
        checkResult(readUNetParams(text), null);
      }),
      { numRuns: 300 },
    );
  });

  it('Python lines with random edits fail with a line and column, or parse', () => {
    const line =
      "model_manager.create_model('unet', in_channels=3, out_channels=1, features=[8, 16, 32], activation='relu', normalization='batchnorm', bilinear=True)";
    fc.assert(
      fc.property(
        fc.nat(line.length),
        fc.nat(3),
        fc.string({ maxLength: 3 }),
        (at, cut, insert) => {
          const text = line.slice(0, at) + insert + line.slice(at + cut);
          const r = readModelManager(text, 'python');
          checkResult(r, null);
          if (!r.ok && r.issues.every((i) => i.path.length === 0)) {
            for (const issue of r.issues) expect(issue.message).toMatch(/^line \d+, column \d+: /);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('UNetParams documents corrupted at any field report that field', () => {
    fc.assert(
      fc.property(corrupted(UP_BASE), ({ value, path }) => {
        const r = readUNetParamsValue(value);
        // A removed class count is asked for where heliaEDGE keeps it: beside the params.
        const removed =
          path[path.length - 1] === 'num_classes' &&
          !JSON.stringify(value).includes('"num_classes"');
        checkResult(r, removed ? ['num_classes'] : path);
        if (!r.ok) return;
        const again = readUNetParamsValue(unetParamsDocument(r.value));
        expect(again.ok && [again.value.params, again.value.inputShape]).toEqual([
          r.value.params,
          r.value.inputShape,
        ]);
        // Whatever was read (unknown keys included) is written back field for field.
        const imported = unetParamsImport(r.value);
        // A key path longer than a design's extras key is left out, and says so.
        if (imported.warnings.some((w) => w.message.includes('nested too deeply'))) return;
        const exported = exportUNetParams(imported.design);
        expect(exported.ok && (JSON.parse(exported.value) as unknown)).toEqual(value);
      }),
      { numRuns: 400 },
    );
  });

  it('heartkit task configs corrupted at any field never throw, and export what they read', () => {
    const task = {
      name: 'segmentation-class-4',
      frame_size: 64,
      num_classes: 4,
      class_names: ['NONE', 'P-WAVE', 'QRS', 'T-WAVE'],
      datasets: [{ name: 'ludb', params: {} }],
      architecture: {
        name: 'unet',
        params: { blocks: [HK, { ...HK, filters: 16 }], use_logits: true },
      },
    } as Json;
    fc.assert(
      fc.property(corrupted(task), ({ value }) => {
        const r = readUNetParamsValue(value);
        checkResult(r, null);
        if (!r.ok) return;
        const imported = unetParamsImport(r.value);
        // A key path longer than a design's extras key is left out, and says so.
        if (imported.warnings.some((w) => w.message.includes('nested too deeply'))) return;
        const exported = exportUNetParams(imported.design);
        expect(exported.ok && (JSON.parse(exported.value) as unknown)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('exporters never throw', () => {
  const designs = TEMPLATES.map((t) => JSON.parse(JSON.stringify(t.build())) as Json);
  it('on template designs corrupted at any field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...designs).chain(corrupted), ({ value }) => {
        const parsed = parseDesign(value);
        if (!parsed.ok) return;
        const mm = designToModelManager(parsed.value);
        const up = designToUNetParams(parsed.value);
        for (const r of [mm, up]) if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
