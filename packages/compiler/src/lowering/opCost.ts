/**
 * Cost formulas of the primitive ops: parameters (PyTorch's and Keras's counting), multiply-adds
 * and float32 activation bytes. Every per-node and per-design figure is a sum of these.
 */
import type { ParamCount } from '../catalogue/types';
import type { Cost } from '../compiled';
import { shapeElements, spatialElements } from '../shape/shapeOps';
import { isConcrete } from '../shape/dim';
import type { ConvTransposeOp, PrimitiveOp } from './ops';

function product(xs: readonly number[]): number {
  let p = 1;
  for (let i = 0; i < xs.length; i++) p *= xs[i] ?? 1;
  return p;
}

/** Trainable parameters of one op (see `opParams`). */
export function opTrainable(op: PrimitiveOp): number {
  switch (op.op) {
    case 'conv': {
      const k = product(op.kernel);
      const weights = op.separable
        ? k * op.inChannels + op.inChannels * op.outChannels
        : k * op.inChannels * op.outChannels;
      return weights + (op.bias ? op.outChannels : 0);
    }
    case 'convTranspose':
      return product(op.kernel) * op.inChannels * op.outChannels + (op.bias ? op.outChannels : 0);
    case 'norm':
      return op.norm === 'layer' ? 2 * spatialElements(op.shape) : 2 * op.channels;
    default:
      return 0;
  }
}

/** Non-trainable parameters of one op: batch norm's running mean and variance. */
export function opNonTrainable(op: PrimitiveOp): number {
  return op.op === 'norm' && op.norm === 'batch' ? 2 * op.channels : 0;
}

/**
 * Trainable and non-trainable parameters of one op.
 * - conv: prod(k)·Cin·Cout; separable (depth multiplier 1): prod(k)·Cin + Cin·Cout; + Cout bias.
 * - transposed conv: prod(k)·Cin·Cout (+ Cout).
 * - batch norm: 2C trainable + 2C running statistics; group/instance norm: 2C; layer norm:
 *   2·prod(spatial) (`NaN` when a size is open).
 */
export function opParams(op: PrimitiveOp): ParamCount {
  return { trainable: opTrainable(op), nonTrainable: opNonTrainable(op) };
}

/**
 * The input positions of a transposed conv, recovered from its output: each output size is
 * n·s (same) or n·s + max(k − s, 0) (valid). `NaN` when a size is open.
 */
function transposedInputPositions(op: ConvTransposeOp): number {
  let n = 1;
  for (let i = 0; i < op.shape.spatial.length; i++) {
    const d = op.shape.spatial[i] ?? 1;
    if (!isConcrete(d)) return Number.NaN;
    const k = op.kernel[i] ?? 1;
    const s = op.stride[i] ?? 1;
    n *= (d - (op.padding === 'valid' ? Math.max(k - s, 0) : 0)) / s;
  }
  return n;
}

/**
 * Multiply-adds of one op for one sample. Only convolutions count:
 * conv prod(out spatial)·prod(k)·Cin·Cout; separable prod(out)·(prod(k)·Cin + Cin·Cout);
 * transposed prod(in spatial)·prod(k)·Cin·Cout.
 */
export function opMacs(op: PrimitiveOp): number {
  if (op.op === 'conv') {
    const k = product(op.kernel);
    const perPosition = op.separable
      ? k * op.inChannels + op.inChannels * op.outChannels
      : k * op.inChannels * op.outChannels;
    return spatialElements(op.shape) * perPosition;
  }
  if (op.op === 'convTranspose') {
    return transposedInputPositions(op) * product(op.kernel) * op.inChannels * op.outChannels;
  }
  return 0;
}

/** Float32 bytes of one op's output for one sample; the identity `output` op adds nothing. */
export function opActivationBytes(op: PrimitiveOp): number {
  return op.op === 'output' ? 0 : 4 * shapeElements(op.shape);
}

/** Cost of a list of ops at a batch size. */
export function opsCost(ops: readonly PrimitiveOp[], batch: number): Cost {
  let trainable = 0;
  let nonTrainable = 0;
  let macs = 0;
  let activationBytes = 0;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op === undefined) continue;
    trainable += opTrainable(op);
    nonTrainable += opNonTrainable(op);
    macs += opMacs(op);
    activationBytes += opActivationBytes(op);
  }
  return { trainable, nonTrainable, macs: macs * batch, activationBytes: activationBytes * batch };
}

/** The sum of several costs. */
export function addCosts(costs: Iterable<Cost>): Cost {
  let trainable = 0;
  let nonTrainable = 0;
  let macs = 0;
  let activationBytes = 0;
  for (const c of costs) {
    trainable += c.trainable;
    nonTrainable += c.nonTrainable;
    macs += c.macs;
    activationBytes += c.activationBytes;
  }
  return { trainable, nonTrainable, macs, activationBytes };
}
