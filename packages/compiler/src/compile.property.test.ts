/**
 * Property tests: random and corrupted designs never make parsing or compiling throw, and every
 * diagnostic points at a node or edge that exists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { document, structured } from '../test/designArbitraries';
import { paperUnet } from '../test/unets';
import { compile } from './compile';
import type { CompiledDesign } from './compiled';
import { parseDesign } from './design/parseDesign';
import type { Design } from './design/schema';

const RUNS = { numRuns: 250 };

/** Every diagnostic names ids of `design`, and the compiled tables agree with the design. */
function expectConsistent(design: Design, c: CompiledDesign): void {
  const nodeIds = new Set(design.model.nodes.map((n) => n.id));
  const edgeIds = new Set(design.model.edges.map((e) => e.id));
  for (const d of c.diagnostics) {
    if (d.nodeId !== undefined)
      expect(nodeIds.has(d.nodeId), `${d.code} names node ${d.nodeId}`).toBe(true);
    if (d.edgeId !== undefined)
      expect(edgeIds.has(d.edgeId), `${d.code} names edge ${d.edgeId}`).toBe(true);
    expect(d.message.length).toBeGreaterThan(0);
  }
  expect(Object.keys(c.edgeShapes).sort()).toEqual([...edgeIds].sort());
  if (c.ok) {
    const seen = new Set<string>();
    for (const op of c.ops) {
      for (const input of op.inputs)
        expect(seen.has(input), `${op.id} reads ${input} before it exists`).toBe(true);
      seen.add(op.id);
    }
  }
}

describe('compile properties', () => {
  it('structured graphs: compile never throws and compiled ops are consistent', () => {
    let compiled = 0;
    let ok = 0;
    fc.assert(
      fc.property(structured, (doc) => {
        const parsed = parseDesign(doc);
        if (!parsed.ok) return;
        compiled++;
        const c = compile(parsed.value);
        if (c.ok) ok++;
        expectConsistent(parsed.value, c);
        for (const op of c.ops) expect(op.shape.channels).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
    // the generator must reach the shape rules, not only the schema
    expect(compiled).toBeGreaterThan(300);
    expect(ok).toBeGreaterThan(40);
  });

  it('structured graphs: the derived minimum input size compiles and the size below it does not', () => {
    const SIZE_ERRORS = [
      'SHAPE_NON_POSITIVE',
      'SHAPE_MISMATCH',
      'SKIP_SIZE_MISMATCH',
      'SKIP_CROP_NEGATIVE',
      'SKIP_PAD_NEGATIVE',
    ];
    let checked = 0;
    fc.assert(
      fc.property(structured, (doc) => {
        const parsed = parseDesign(doc);
        if (!parsed.ok) return;
        const rules = compile(parsed.value).sizeRule;
        const mins = rules?.map((r) => r.min);
        if (!mins || mins.some((m) => m === null || m === undefined)) return;
        checked++;
        const atMin = compile(parsed.value, { inputSize: mins });
        const complaints = atMin.diagnostics.filter(
          (d) =>
            SIZE_ERRORS.includes(d.code) ||
            d.code === 'INPUT_SIZE_INVALID' ||
            d.code === 'ODD_POOL_INPUT',
        );
        expect(complaints).toEqual([]);
        const below = (mins as number[]).map((m) => m - 1);
        if (below.some((m) => m < 1)) return;
        const codes = compile(parsed.value, { inputSize: below }).diagnostics.map((d) => d.code);
        expect(codes.some((c) => c === 'INPUT_SIZE_INVALID' || c === 'ODD_POOL_INPUT')).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(50);
  });

  it('random graphs of random kinds and params: parse and compile never throw', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const parsed = parseDesign(doc);
        if (!parsed.ok) {
          expect(parsed.issues.length).toBeGreaterThan(0);
          return;
        }
        expectConsistent(parsed.value, compile(parsed.value));
      }),
      RUNS,
    );
  });

  it('the same graphs with arbitrary input sizes and batches', () => {
    const size = fc.array(fc.option(fc.integer({ min: 1, max: 700 }), { nil: null }), {
      minLength: 0,
      maxLength: 3,
    });
    fc.assert(
      fc.property(document, size, fc.integer({ min: -2, max: 64 }), (doc, inputSize, batch) => {
        const parsed = parseDesign(doc);
        if (parsed.ok) expectConsistent(parsed.value, compile(parsed.value, { inputSize, batch }));
      }),
      RUNS,
    );
  });

  it('a valid U-Net corrupted at a random field still parses or fails cleanly', () => {
    const base = JSON.parse(JSON.stringify(paperUnet())) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]): void => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
      else if (value && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    };
    walk(base, []);
    fc.assert(
      fc.property(
        fc.constantFrom(...paths.filter((p) => p.length > 0)),
        fc.jsonValue(),
        fc.boolean(),
        (path, value, remove) => {
          const doc = structuredClone(base);
          let target: unknown = doc;
          for (const key of path.slice(0, -1))
            target = (target as Record<string | number, unknown>)[key];
          const last = path[path.length - 1] ?? '';
          const holder = target as Record<string | number, unknown>;
          if (remove) delete holder[last];
          else holder[last] = value;
          const parsed = parseDesign(doc);
          if (parsed.ok) expectConsistent(parsed.value, compile(parsed.value));
          else for (const issue of parsed.issues) expect(typeof issue.path).toBe('string');
        },
      ),
      RUNS,
    );
  });

  it('arbitrary JSON values are rejected with issues, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed = parseDesign(value);
        expect(parsed.ok).toBe(false);
      }),
      RUNS,
    );
  });
});
