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

/** True when every input has the same open sizes as the first. */
function sameSizes(inputs: readonly (readonly Dim[])[]): boolean {
  const first = inputs[0];
  if (!first) return true;
  for (let i = 1; i < inputs.length; i++) {
    const other = inputs[i];
    if (!other) return false;
    for (let axis = 0; axis < first.length; axis++) {
      if (!dimEq(first[axis] ?? 0, other[axis] ?? 0)) return false;
    }
  }
  return true;
}

/** The open sizes of one op from the open sizes of its inputs, or null when they cannot be told. */
function reopen(
  op: PrimitiveOp,
  inputs: readonly (readonly Dim[])[],
  skipIn: readonly Dim[] | undefined,
  names: readonly string[],
  sink: DivisionSink,
): readonly Dim[] | null {
  if (op.op === 'input') return names.map((name) => symDim(name));
  const x = inputs[0];
  if (!x) return null;
  if (op.op === 'add' || op.op === 'concat') return sameSizes(inputs) ? x : null;
  if (op.op !== 'conv' && op.op !== 'pool' && op.op !== 'convTranspose' && op.op !== 'upsample') {
    if (op.op !== 'crop' && op.op !== 'pad' && op.op !== 'resize') return x;
  }
  const out = new Array<Dim>(x.length);
  for (let axis = 0; axis < x.length; axis++) {
    const d = reopenAxis(op, x[axis] ?? 1, axis, skipIn, sink);
    if (d === null) return null;
    out[axis] = d;
  }
  return out;
}

/** The open sizes of `shapes`' ops, or null when a second lowering is needed. */
export function reopenOps(s: Structure, shapes: Shapes): OpenLowering | null {
  if (shapes.errorCodes.size > 0) return null;
  for (const { division: d } of shapes.divisions) {
    if (isConcrete(d.numerator) && d.numerator % d.divisor !== 0) return null;
  }
  const names = AXIS_NAMES[s.dims];
  const open = new Map<string, readonly Dim[]>();
  const sizes: (readonly Dim[])[] = [];
  const divisions: NodeDivision[] = [];
  let nodeId = '';
  const sink: DivisionSink = (division) => divisions.push({ nodeId, division });
  for (const id of s.order) {
    const node = shapes.nodes.get(id);
    if (!node) continue;
    if (!node.ops) return null;
    nodeId = id;
    const skipIn = node.inputs.skip?.spatial;
    for (const op of node.ops) {
      const inputs: (readonly Dim[])[] = [];
      for (const input of op.inputs) {
        const dims = open.get(input);
        if (!dims) return null;
        inputs.push(dims);
      }
      const dims = reopen(op, inputs, skipIn, names, sink);
      if (!dims) return null;
      open.set(op.id, dims);
      sizes.push(dims);
    }
  }
  const outputs = new Map<string, readonly Dim[]>();
  for (const id of s.outputIds) {
    const out = shapes.nodes.get(id)?.outputOp;
    const dims = out === undefined || out === null ? undefined : open.get(out);
    if (dims) outputs.set(id, dims);
  }
  return { sizes, outputs, divisions, failed: false };
}
