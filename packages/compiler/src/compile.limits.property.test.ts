/**
 * Property tests at the limits: designs with extreme sizes, strides, kernels, channel counts and
 * chain lengths compile without throwing and in bounded time. The time bound fails only on a hang
 * or a runaway (a compile of these few hundred nodes takes milliseconds), never on speed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { parseDesign } from './design/parseDesign';
import { DESIGN_FORMAT, DESIGN_VERSION } from './design/schema';

/** Far beyond a hang on any machine, far above a real compile of these designs. */
const CASE_BOUND_MS = 2000;

const extreme = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 30 },
  { arbitrary: fc.integer({ min: 1, max: 2 ** 31 }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      1023,
      1024,
      1025,
      65_536,
      65_537,
      2 ** 20,
      2 ** 52,
      2 ** 53 + 2,
      1e300,
    ),
    weight: 1,
  },
);
const spatial = fc.oneof(extreme, fc.array(extreme, { minLength: 1, maxLength: 2 }));
const layer = fc.oneof(
  fc.record({
    kind: fc.constant('conv'),
    params: fc.record({
      filters: extreme,
      kernel: spatial,
      stride: spatial,
      dilation: spatial,
      padding: fc.constantFrom('same', 'valid'),
      dilationGrowth: fc.constantFrom('constant', 'exponential'),
      depth: fc.integer({ min: 1, max: 16 }),
    }),
  }),
  fc.record({
    kind: fc.constant('pool'),
    params: fc.record({
      window: spatial,
      stride: fc.option(spatial, { nil: null }),
      padding: fc.constantFrom('same', 'valid'),
    }),
  }),
  fc.record({
    kind: fc.constant('upconv'),
    params: fc.record({
      mode: fc.constantFrom('transposed', 'nearest', 'bilinear'),
      factor: spatial,
      kernel: fc.option(spatial, { nil: null }),
      filters: fc.option(extreme, { nil: null }),
    }),
  }),
);

/** input → the layers, repeated → output. */
const chain = fc
  .record({
    size: fc.array(fc.option(extreme, { nil: null }), { minLength: 2, maxLength: 2 }),
    channels: extreme,
    layers: fc.array(layer, { minLength: 1, maxLength: 6 }),
    repeat: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 20, max: 300 })),
  })
  .map(({ size, channels, layers, repeat }) => {
    const nodes: unknown[] = [{ id: 'in', kind: 'input', params: { size, channels } }];
    const edges: unknown[] = [];
    let prev = 'in';
    for (let r = 0; r < repeat; r++) {
      layers.forEach((l, i) => {
        const id = `n${r}_${i}`;
        nodes.push({ id, ...l });
        edges.push({ id: `e${r}_${i}`, source: prev, target: id });
        prev = id;
      });
    }
    nodes.push({ id: 'out', kind: 'output' });
    edges.push({ id: 'eout', source: prev, target: 'out' });
    return { format: DESIGN_FORMAT, version: DESIGN_VERSION, model: { nodes, edges } };
  });

describe('compile at the limits', () => {
  it('extreme sizes, strides and chain lengths never throw and never hang', () => {
    let compiled = 0;
    let limited = 0;
    fc.assert(
      fc.property(
        chain,
        fc.option(fc.array(extreme, { minLength: 2, maxLength: 2 })),
        (doc, size) => {
          const parsed = parseDesign(doc);
          if (!parsed.ok) return;
          const started = performance.now();
          const c = compile(parsed.value, size === null ? {} : { inputSize: size });
          const elapsed = performance.now() - started;
          expect(elapsed, 'compile ran away').toBeLessThan(CASE_BOUND_MS);
          compiled++;
          const codes = c.diagnostics.map((d) => d.code);
          if (codes.includes('PARAM_LIMIT') || codes.includes('SCALE_LIMIT')) limited++;
          const ids = new Set(parsed.value.model.nodes.map((n) => n.id));
          for (const d of c.diagnostics)
            if (d.nodeId !== undefined) expect(ids.has(d.nodeId)).toBe(true);
          for (const node of Object.values(c.nodes))
            for (const dim of node.shape?.spatial ?? [])
              if (typeof dim === 'number') expect(Number.isFinite(dim)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
    // the generator must reach both the limits and designs within them
    expect(limited).toBeGreaterThan(20);
    expect(compiled - limited).toBeGreaterThan(5);
  }, 120_000);
});
