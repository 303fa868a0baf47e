/**
 * Cost formulas of the primitive ops: parameters (PyTorch's and Keras's counting), multiply-adds
 * and float32 activation bytes. Every per-node and per-design figure is a sum of these.
 */
import type { ParamCount } from '../catalogue/types';
import type { Cost } from '../compiled';
import { shapeElements, spatialElements } from '../shape/shapeOps';
import type { Shape } from '../shape/shape';
import type { PrimitiveOp } from './ops';

const product = (xs: readonly number[]): number => xs.reduce((p, x) => p * x, 1);

/**
 * Trainable and non-trainable parameters of one op.
 * - conv: prod(k)·Cin·Cout; separable (depth multiplier 1): prod(k)·Cin + Cin·Cout; + Cout bias.
 * - transposed conv: prod(k)·Cin·Cout (+ Cout).
 * - batch norm: 2C trainable + 2C running statistics; group/instance norm: 2C; layer norm:
 *   2·prod(spatial) (`NaN` when a size is open).
 */
export function opParams(op: PrimitiveOp): ParamCount {
  switch (op.op) {
    case 'conv': {
      const k = product(op.kernel);
      const weights = op.separable
        ? k * op.inChannels + op.inChannels * op.outChannels
        : k * op.inChannels * op.outChannels;
      return { trainable: weights + (op.bias ? op.outChannels : 0), nonTrainable: 0 };
    }
    case 'convTranspose': {
      const weights = product(op.kernel) * op.inChannels * op.outChannels;
      return { trainable: weights + (op.bias ? op.outChannels : 0), nonTrainable: 0 };
    }
    case 'norm':
      if (op.norm === 'batch') return { trainable: 2 * op.channels, nonTrainable: 2 * op.channels };
      if (op.norm === 'layer') return { trainable: 2 * spatialElements(op.shape), nonTrainable: 0 };
      return { trainable: 2 * op.channels, nonTrainable: 0 };
    default:
      return { trainable: 0, nonTrainable: 0 };
  }
}

/**
 * Multiply-adds of one op for one sample. Only convolutions count:
 * conv prod(out spatial)·prod(k)·Cin·Cout; separable prod(out)·(prod(k)·Cin + Cin·Cout);
 * transposed prod(in spatial)·prod(k)·Cin·Cout. `input` is the shape of the op's first input.
 */
export function opMacs(op: PrimitiveOp, input: Shape | undefined): number {
  if (op.op === 'conv') {
    const k = product(op.kernel);
    const perPosition = op.separable
      ? k * op.inChannels + op.inChannels * op.outChannels
      : k * op.inChannels * op.outChannels;
    return spatialElements(op.shape) * perPosition;
  }
  if (op.op === 'convTranspose') {
    if (!input) return Number.NaN;
    return spatialElements(input) * product(op.kernel) * op.inChannels * op.outChannels;
  }
  return 0;
}

/** Float32 bytes of one op's output for one sample; the identity `output` op adds nothing. */
export function opActivationBytes(op: PrimitiveOp): number {
  return op.op === 'output' ? 0 : 4 * shapeElements(op.shape);
}

/** Cost of a list of ops at a batch size. `shapeOf` gives the shape of any op id (inputs included). */
export function opsCost(
  ops: readonly PrimitiveOp[],
  shapeOf: (opId: string) => Shape | undefined,
  batch: number,
): Cost {
  let trainable = 0;
  let nonTrainable = 0;
  let macs = 0;
  let activationBytes = 0;
  for (const op of ops) {
    const params = opParams(op);
    trainable += params.trainable;
    nonTrainable += params.nonTrainable;
    const first = op.inputs[0];
    macs += opMacs(op, first === undefined ? undefined : shapeOf(first));
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
