/**
 * Property tests: random and corrupted designs never make parsing or compiling throw, and every
 * diagnostic points at a node or edge that exists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paperUnet } from '../test/unets';
import { LAYER_KINDS } from './catalogue/params';
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

const id = fc.constantFrom(
  'in',
  'a',
  'b',
  'c',
  'd',
  'e',
  'out',
  '__proto__',
  'constructor',
  'x.y:z',
);
const spatial = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 }),
);
const params = fc.record(
  {
    dims: fc.constantFrom(1, 2),
    channels: fc.integer({ min: 1, max: 8 }),
    size: fc.array(fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }), {
      minLength: 1,
      maxLength: 2,
    }),
    filters: fc.integer({ min: 1, max: 16 }),
    classes: fc.integer({ min: 1, max: 4 }),
    kernel: spatial,
    stride: spatial,
    window: spatial,
    factor: spatial,
    dilation: spatial,
    padding: fc.constantFrom('same', 'valid'),
    depth: fc.integer({ min: 1, max: 3 }),
    residual: fc.boolean(),
    separable: fc.boolean(),
    dilationGrowth: fc.constantFrom('constant', 'exponential'),
    mode: fc.constantFrom('max', 'avg', 'transposed', 'nearest', 'bilinear'),
    align: fc.constantFrom('crop', 'pad', 'resize', 'none'),
    merge: fc.constantFrom('concat', 'add'),
    conv: fc.boolean(),
    activation: fc.constantFrom('none', 'sigmoid', 'softmax'),
    type: fc.constantFrom('batch', 'group', 'layer', 'instance', 'none', 'relu', 'elu'),
    groups: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    norm: fc.record({
      type: fc.constantFrom('batch', 'group', 'layer', 'instance', 'none'),
      groups: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    }),
  },
  { requiredKeys: [] },
);
const node = fc.record({ id, kind: fc.constantFrom(...LAYER_KINDS), params });
const edge = fc.record({
  id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8', 'toString'),
  source: id,
  target: id,
  sourcePort: fc.constantFrom('out', 'in'),
  targetPort: fc.constantFrom('in', 'skip', 'up', 'a', 'b', 'out'),
});
const document = fc.record({
  format: fc.constant('unet-studio/design'),
  version: fc.constant(1),
  model: fc.record({
    nodes: fc.array(node, { maxLength: 9 }),
    edges: fc.array(edge, { maxLength: 12 }),
  }),
});

/** Parameters that fit each kind's schema, with every value the schema allows in play. */
const opt = { requiredKeys: [] as [] };
const normSpec = fc.record(
  {
    type: fc.constantFrom('batch', 'group', 'layer', 'instance', 'none'),
    groups: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
  },
  opt,
);
const KIND_PARAMS = {
  conv: fc.record(
    {
      filters: fc.integer({ min: 1, max: 16 }),
      kernel: spatial,
      stride: spatial,
      dilation: spatial,
      padding: fc.constantFrom('same', 'valid'),
      dilationGrowth: fc.constantFrom('constant', 'exponential'),
      separable: fc.boolean(),
      bias: fc.constantFrom('auto', 'on', 'off'),
      depth: fc.integer({ min: 1, max: 3 }),
      norm: normSpec,
      activation: fc.record({ type: fc.constantFrom('relu', 'leaky_relu', 'elu', 'none') }, opt),
      dropout: fc.constantFrom(0, 0.2),
      residual: fc.boolean(),
    },
    opt,
  ),
  pool: fc.record(
    {
      mode: fc.constantFrom('max', 'avg'),
      window: spatial,
      stride: fc.option(spatial, { nil: null }),
      padding: fc.constantFrom('same', 'valid'),
    },
    opt,
  ),
  upconv: fc.record(
    {
      mode: fc.constantFrom('transposed', 'nearest', 'bilinear'),
      factor: spatial,
      kernel: fc.option(spatial, { nil: null }),
      filters: fc.option(fc.integer({ min: 1, max: 16 }), { nil: null }),
      padding: fc.constantFrom('same', 'valid'),
      conv: fc.boolean(),
      alignCorners: fc.boolean(),
    },
    opt,
  ),
  skip: fc.record(
    {
      merge: fc.constantFrom('concat', 'add'),
      align: fc.constantFrom('crop', 'pad', 'resize', 'none'),
      order: fc.constantFrom('skip-first', 'up-first'),
    },
    opt,
  ),
  dropout: fc.record({ rate: fc.constantFrom(0, 0.5), spatial: fc.boolean() }, opt),
  norm: normSpec,
  activation: fc.record(
    {
      type: fc.constantFrom('relu', 'gelu', 'leaky_relu', 'none'),
      alpha: fc.option(fc.constantFrom(0.1, 1), { nil: null }),
    },
    opt,
  ),
  add: fc.constant({}),
} as const;
const headParams = fc.record(
  {
    classes: fc.integer({ min: 1, max: 3 }),
    conv: fc.boolean(),
    kernel: spatial,
    activation: fc.constantFrom('none', 'sigmoid', 'softmax'),
  },
  opt,
);
const PORTS: Record<string, readonly string[]> = { skip: ['skip', 'up'], add: ['a', 'b'] };
const layer = fc.oneof(
  ...Object.entries(KIND_PARAMS).map(([kind, arb]) =>
    fc.record({
      kind: fc.constant(kind),
      params: arb as fc.Arbitrary<object>,
      from: fc.nat(),
      from2: fc.nat(),
    }),
  ),
);

/** Mostly well-formed U-Net-like graphs: each layer reads from earlier nodes through its real ports. */
const structured = fc
  .record({
    dims: fc.constantFrom(1, 2),
    size: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
    layers: fc.array(layer, { maxLength: 14 }),
    head: headParams,
  })
  .map(({ dims, size, layers, head }) => {
    const nodes: unknown[] = [
      {
        id: 'in',
        kind: 'input',
        params: { dims, channels: 3, size: Array.from({ length: dims }, () => size) },
      },
    ];
    const edges: unknown[] = [];
    const ids = ['in'];
    layers.forEach((l, i) => {
      const nodeId = `n${i}`;
      nodes.push({ id: nodeId, kind: l.kind, params: l.params });
      (PORTS[l.kind] ?? ['in']).forEach((port, p) => {
        const source = ids[(p === 0 ? l.from : l.from2) % ids.length] ?? 'in';
        edges.push({ id: `${source}-${nodeId}.${port}`, source, target: nodeId, targetPort: port });
      });
      ids.push(nodeId);
    });
    nodes.push({ id: 'out', kind: 'output', params: head });
    edges.push({ id: 'to-out', source: ids[ids.length - 1] ?? 'in', target: 'out' });
    return { format: 'unet-studio/design', version: 1, model: { nodes, edges } };
  });

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
    const SIZE_ERRORS = ['SHAPE_NON_POSITIVE', 'SHAPE_MISMATCH', 'SKIP_SIZE_MISMATCH', 'SKIP_CROP_NEGATIVE', 'SKIP_PAD_NEGATIVE'];
    let checked = 0;
    fc.assert(
      fc.property(structured, (doc) => {
        const parsed = parseDesign(doc);
        if (!parsed.ok) return;
        const rules = compile(parsed.value).sizeRule;
        const mins = rules?.map((r) => r.min);
        if (!mins || mins.some((m) => m === null || m === undefined)) return;
        checked++;
        const atMin = compile(parsed.value, { inputSize: mins as number[] });
        const complaints = atMin.diagnostics.filter(
          (d) => SIZE_ERRORS.includes(d.code) || d.code === 'INPUT_SIZE_INVALID' || d.code === 'ODD_POOL_INPUT',
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
