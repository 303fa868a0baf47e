/**
 * Hand-made op lists for the runtime's tests: factories that fill an op's fields with defaults,
 * and a wrapper that makes a `CompiledDesign` from a list, as the compiler would.
 */
import { zDesign } from '@unet-studio/compiler';
import type { CompiledDesign, Dim, PrimitiveOp, Shape } from '@unet-studio/compiler';

type OpOf<T extends PrimitiveOp['op']> = Extract<PrimitiveOp, { op: T }>;
type Fields<T extends PrimitiveOp['op']> = Omit<
  OpOf<T>,
  'op' | 'id' | 'nodeId' | 'inputs' | 'shape'
>;

/** A shape from channels and spatial sizes. */
export function shape(channels: number, ...spatial: number[]): Shape {
  return { channels, spatial };
}

/** The open size `(num/den)·name + b` of an input axis (`name` is `H`, `W` or `L`). */
export function sym(name: string, num = 1, den = 1, b = 0): Dim {
  return { sym: name, a: [num, den], b: [b, 1] };
}

/** A shape from channels and spatial sizes, open (`sym`) or not. */
export function open(channels: number, ...spatial: Dim[]): Shape {
  return { channels, spatial };
}

function make<T extends PrimitiveOp['op']>(
  op: T,
  id: string,
  inputs: readonly string[],
  out: Shape,
  fields: Fields<T>,
): OpOf<T> {
  return { op, id, nodeId: id.split('/')[0] ?? id, inputs, shape: out, ...fields } as OpOf<T>;
}

/** Op factories with PyTorch-like defaults; `over` replaces any field. */
export const mk = {
  input: (id: string, out: Shape) => make('input', id, [], out, {}),
  output: (id: string, from: string, out: Shape) => make('output', id, [from], out, {}),
  conv: (
    id: string,
    from: string,
    out: Shape,
    inChannels: number,
    over: Partial<Fields<'conv'>> = {},
  ) => {
    const n = out.spatial.length;
    return make('conv', id, [from], out, {
      inChannels,
      outChannels: out.channels,
      kernel: Array<number>(n).fill(3),
      stride: Array<number>(n).fill(1),
      dilation: Array<number>(n).fill(1),
      padding: 'same',
      bias: true,
      separable: false,
      ...over,
    });
  },
  convTranspose: (
    id: string,
    from: string,
    out: Shape,
    inChannels: number,
    over: Partial<Fields<'convTranspose'>> = {},
  ) => {
    const n = out.spatial.length;
    return make('convTranspose', id, [from], out, {
      inChannels,
      outChannels: out.channels,
      kernel: Array<number>(n).fill(2),
      stride: Array<number>(n).fill(2),
      padding: 'same',
      bias: true,
      ...over,
    });
  },
  norm: (id: string, from: string, out: Shape, over: Partial<Fields<'norm'>> = {}) =>
    make('norm', id, [from], out, {
      norm: 'batch',
      channels: out.channels,
      groups: 1,
      eps: 1e-5,
      momentum: 0.1,
      ...over,
    }),
  activation: (id: string, from: string, out: Shape, over: Partial<Fields<'activation'>> = {}) =>
    make('activation', id, [from], out, { activation: 'relu', alpha: 0, ...over }),
  dropout: (id: string, from: string, out: Shape, over: Partial<Fields<'dropout'>> = {}) =>
    make('dropout', id, [from], out, { rate: 0.5, spatial: false, ...over }),
  pool: (id: string, from: string, out: Shape, over: Partial<Fields<'pool'>> = {}) => {
    const n = out.spatial.length;
    return make('pool', id, [from], out, {
      mode: 'max',
      window: Array<number>(n).fill(2),
      stride: Array<number>(n).fill(2),
      padding: 'valid',
      ...over,
    });
  },
  upsample: (id: string, from: string, out: Shape, over: Partial<Fields<'upsample'>> = {}) =>
    make('upsample', id, [from], out, {
      mode: 'nearest',
      factor: Array<number>(out.spatial.length).fill(2),
      alignCorners: false,
      ...over,
    }),
  resize: (id: string, inputs: readonly string[], out: Shape) =>
    make('resize', id, inputs, out, {}),
  crop: (id: string, from: string, out: Shape, begin: number[]) =>
    make('crop', id, [from], out, { begin }),
  pad: (id: string, from: string, out: Shape, before: number[], after: number[]) =>
    make('pad', id, [from], out, { before, after }),
  add: (id: string, inputs: readonly string[], out: Shape) => make('add', id, inputs, out, {}),
  concat: (id: string, inputs: readonly string[], out: Shape) =>
    make('concat', id, inputs, out, {}),
};

/** A compiled design holding `ops` (the design document itself is an empty placeholder). */
export function compiledFromOps(ops: readonly PrimitiveOp[], dims: 1 | 2 = 2): CompiledDesign {
  const design = zDesign.parse({
    format: 'unet-studio/design',
    version: 1,
    name: 'ops under test',
    model: { nodes: [], edges: [] },
  });
  const input = ops.find((o) => o.op === 'input');
  return {
    design,
    ok: true,
    diagnostics: [],
    dims,
    order: [],
    nodes: {},
    edgeShapes: {},
    inputId: input?.nodeId ?? null,
    outputIds: ops.filter((o) => o.op === 'output').map((o) => o.nodeId),
    ops,
    batch: 1,
    totals: { trainable: 0, nonTrainable: 0, macs: 0, activationBytes: 0 },
    sizeRule: null,
  };
}

/** A design `input → body → output`; `body` gets the input op's id and returns its ops. */
export function chain(input: Shape, body: (from: string) => PrimitiveOp[]): CompiledDesign {
  const first = mk.input('in/x', input);
  const ops = body(first.id);
  const last = ops[ops.length - 1] ?? first;
  const dims = input.spatial.length === 1 ? 1 : 2;
  return compiledFromOps([first, ...ops, mk.output('out/y', last.id, last.shape)], dims);
}
