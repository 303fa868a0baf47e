/**
 * fast-check arbitraries of design documents, for the compiler's property tests: random documents
 * (anything the schema might see) and structured ones (well-formed graphs that reach the shape
 * rules).
 */
import fc from 'fast-check';
import { LAYER_KINDS } from '../src/catalogue/params';

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
/** Random documents: random kinds, params, ids (hostile ones included), edges and ports. */
export const document = fc.record({
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
export const structured = fc
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
