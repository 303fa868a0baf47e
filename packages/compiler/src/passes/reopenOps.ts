/**
 * Open sizes without a second lowering. When the concrete lowering has no error and divides
 * exactly everywhere, lowering with open sizes would give the same ops, so their open sizes follow
 * from the ops: the same `sizeRules.ts` functions, driven by the ops instead of the nodes. Crops
 * and pads move a size by the same fixed amount as in the concrete lowering (a crop acts on a skip
 * merge's `skip` map, whose concrete size the node records). Anything else (a resize, whose target
 * the op does not name; a merge of maps that grow differently) returns null, and the caller lowers
 * the design again with open sizes.
 */
import { AXIS_NAMES } from '../catalogue/spatial';
import type { PrimitiveOp } from '../lowering/ops';
import { isConcrete, type Dim } from '../shape/dim';
import { dimAdd, dimEq, dimSub, symDim } from '../shape/dimMath';
import {
  convSize,
  convTransposeSize,
  poolSize,
  upsampleSize,
  type DivisionSink,
} from '../shape/sizeRules';
import type { NodeDivision, Shapes } from './shapes';
import type { OpenLowering } from './sizeRule';
import type { Structure } from './structure';
import { MAX_INPUT_PORTS } from './structureEdges';

/** The open size of one axis of `op`'s output, or null when it cannot be told from the op. */
function reopenAxis(
  op: PrimitiveOp,
  n: Dim,
  axis: number,
  skipIn: readonly Dim[] | undefined,
  sink: DivisionSink,
): Dim | null {
  switch (op.op) {
    case 'conv': {
      const k = op.kernel[axis] ?? 1;
      const dilation = op.dilation[axis] ?? 1;
      return convSize(n, k, op.stride[axis] ?? 1, dilation, op.padding, axis, sink);
    }
    case 'pool':
      return poolSize(n, op.window[axis] ?? 1, op.stride[axis] ?? 1, op.padding, axis, sink);
    case 'convTranspose':
      return convTransposeSize(n, op.kernel[axis] ?? 1, op.stride[axis] ?? 1, op.padding);
    case 'upsample':
      return upsampleSize(n, op.factor[axis] ?? 1);
    case 'pad':
      return dimAdd(n, (op.before[axis] ?? 0) + (op.after[axis] ?? 0));
    case 'crop': {
      // The skip map shrinks by the same amount as in the concrete lowering.
      const before = skipIn?.[axis];
      const after = op.shape.spatial[axis];
      const diff = before === undefined || after === undefined ? null : dimSub(after, before);
      return diff === null ? null : dimAdd(n, diff);
    }
    case 'resize':
      return null;
    default:
      return n;
  }
}

/** True when two tensors certainly have the same open sizes. */
function sameSizes(x: readonly Dim[], y: readonly Dim[]): boolean {
  if (x === y) return true;
  for (let axis = 0; axis < x.length; axis++) {
    if (!dimEq(x[axis] ?? 0, y[axis] ?? 0)) return false;
  }
  return true;
}

/**
 * The open sizes of one op from the open sizes `x` of its first input, or null when they cannot be
 * told. `merged` says whether the other inputs have the same sizes as `x`.
 */
function reopen(
  op: PrimitiveOp,
  x: readonly Dim[] | undefined,
  merged: boolean,
  skipIn: readonly Dim[] | undefined,
  names: readonly string[],
  sink: DivisionSink,
): readonly Dim[] | null {
  const kind = op.op;
  if (kind === 'norm' || kind === 'activation' || kind === 'dropout' || kind === 'output') {
    return x ?? null;
  }
  if (kind === 'input') return names.map((name) => symDim(name));
  if (!x) return null;
  if (kind === 'add' || kind === 'concat') return merged ? x : null;
  // A new array only when some size changes: most convs keep their input's sizes.
  let out: Dim[] | null = null;
  for (let axis = 0; axis < x.length; axis++) {
    const n = x[axis] ?? 1;
    const d = reopenAxis(op, n, axis, skipIn, sink);
    if (d === null) return null;
    if (out === null && d !== n) out = x.slice(0, axis);
    if (out !== null) out[axis] = d;
  }
  return out ?? x;
}

/** Where `reopenOps` keeps the open sizes it has derived so far. */
interface OpenSizes {
  /** The open sizes of every op so far, in op order. */
  readonly ops: (readonly Dim[])[];
  /** The position in `ops` of the current node's first op. */
  base: number;
  /** The open sizes of each node's output tensor, by node index. */
  readonly nodes: (readonly Dim[] | undefined)[];
}

/**
 * The open sizes of the tensor `id` that an op of node `i` reads: an earlier op of the same node,
 * or the output of a node feeding one of its ports.
 */
function openInput(
  id: string,
  s: Structure,
  shapes: Shapes,
  i: number,
  open: OpenSizes,
): readonly Dim[] | undefined {
  const ops = shapes.ops[i] ?? [];
  for (let j = open.ops.length - 1; j >= open.base; j--) {
    if (ops[j - open.base]?.id === id) return open.ops[j];
  }
  for (let p = 0; p < MAX_INPUT_PORTS; p++) {
    const source = s.portSources[i * MAX_INPUT_PORTS + p] ?? -1;
    if (source >= 0 && shapes.nodes[source]?.outputOp === id) return open.nodes[source];
  }
  return undefined;
}

/** The open sizes of `shapes`' ops, or null when a second lowering is needed. */
export function reopenOps(s: Structure, shapes: Shapes): OpenLowering | null {
  if (shapes.errorCodes.size > 0) return null;
  for (const { division: d } of shapes.divisions) {
    if (isConcrete(d.numerator) && d.numerator % d.divisor !== 0) return null;
  }
  const names = AXIS_NAMES[s.dims];
  const nodes = new Array<readonly Dim[] | undefined>(s.nodes.length);
  const open: OpenSizes = { ops: [], base: 0, nodes };
  const sizes: (readonly Dim[])[] = [];
  const divisions: NodeDivision[] = [];
  let nodeId = '';
  const sink: DivisionSink = (division) => divisions.push({ nodeId, division });
  for (let k = 0; k < s.reached.length; k++) {
    const i = s.reached[k] ?? -1;
    const node = shapes.nodes[i];
    if (!node) continue;
    const ops = shapes.ops[i];
    if (!ops) return null;
    nodeId = s.nodes[i]?.id ?? '';
    const skipIn = node.inputs.skip?.spatial;
    open.base = open.ops.length;
    for (let j = 0; j < ops.length; j++) {
      const op = ops[j] as PrimitiveOp;
      const inputs = op.inputs;
      let x: readonly Dim[] | undefined;
      let merged = true;
      if (inputs.length === 1 && j > 0 && inputs[0] === ops[j - 1]?.id) {
        // A chain within the node (conv → norm → activation): the previous op's sizes.
        x = open.ops[open.ops.length - 1];
      } else {
        for (let m = 0; m < inputs.length; m++) {
          const dims = openInput(inputs[m] ?? '', s, shapes, i, open);
          if (!dims) return null;
          if (x === undefined) x = dims;
          else merged &&= sameSizes(x, dims);
        }
      }
      const dims = reopen(op, x, merged, skipIn, names, sink);
      if (!dims) return null;
      // Sizes an op passes through unchanged are listed once, by the op that made them.
      if (dims !== x) sizes.push(dims);
      open.ops.push(dims);
    }
    const out = node.outputOp;
    open.nodes[i] = out === null ? undefined : openInput(out, s, shapes, i, open);
  }
  const outputs = new Map<string, readonly Dim[]>();
  s.outputIds.forEach((id, k) => {
    const dims = open.nodes[s.outputIndices[k] ?? -1];
    if (dims) outputs.set(id, dims);
  });
  return { sizes, outputs, divisions, failed: false };
}
