/**
 * The state dict of the exported `Model`: every key with its op, its role and its PyTorch shape,
 * in `state_dict()` order. The weights converter fills it from a trained TensorFlow.js model.
 */
import type { CompiledDesign } from '../../compiled';
import type { PrimitiveOp } from '../../lowering/ops';
import { pytorchModuleNames } from './moduleNames';

/**
 * What a state-dict tensor is, named after the Keras weight it comes from:
 * `kernel`, `bias`, `depthwiseKernel` / `pointwiseKernel` (separable convs), `gamma` / `beta`
 * (norm affine), `movingMean` / `movingVariance` (BatchNorm statistics) and `numBatchesTracked`
 * (PyTorch's BatchNorm counter, which Keras does not keep).
 */
export type StateRole =
  | 'kernel'
  | 'bias'
  | 'depthwiseKernel'
  | 'pointwiseKernel'
  | 'gamma'
  | 'beta'
  | 'movingMean'
  | 'movingVariance'
  | 'numBatchesTracked';

/** One state-dict tensor. */
export interface StateEntry {
  /** The state-dict key, e.g. `enc1_conv0.weight`. */
  readonly key: string;
  readonly opId: string;
  readonly op: PrimitiveOp['op'];
  readonly role: StateRole;
  /** PyTorch shape (conv weights OIHW, transposed conv weights (in, out, kH, kW)). */
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int64';
  /** Trainable parameter (false for BatchNorm running statistics). */
  readonly trainable: boolean;
}

function entriesOf(op: PrimitiveOp, name: string): StateEntry[] {
  const e = (
    suffix: string,
    role: StateRole,
    shape: readonly number[],
    trainable = true,
  ): StateEntry => ({
    key: `${name}.${suffix}`,
    opId: op.id,
    op: op.op,
    role,
    shape,
    dtype: role === 'numBatchesTracked' ? 'int64' : 'float32',
    trainable,
  });
  switch (op.op) {
    case 'conv': {
      const ones = op.kernel.map(() => 1);
      if (op.separable) {
        return [
          e('depthwise.weight', 'depthwiseKernel', [op.inChannels, 1, ...op.kernel]),
          e('pointwise.weight', 'pointwiseKernel', [op.outChannels, op.inChannels, ...ones]),
          ...(op.bias ? [e('pointwise.bias', 'bias', [op.outChannels])] : []),
        ];
      }
      return [
        e('weight', 'kernel', [op.outChannels, op.inChannels, ...op.kernel]),
        ...(op.bias ? [e('bias', 'bias', [op.outChannels])] : []),
      ];
    }
    case 'convTranspose':
      return [
        e('weight', 'kernel', [op.inChannels, op.outChannels, ...op.kernel]),
        ...(op.bias ? [e('bias', 'bias', [op.outChannels])] : []),
      ];
    case 'norm': {
      const affine =
        op.norm === 'layer'
          ? op.shape.spatial.map((d) => (typeof d === 'number' ? d : 0))
          : [op.channels];
      const entries = [e('weight', 'gamma', affine), e('bias', 'beta', affine)];
      if (op.norm !== 'batch') return entries;
      return [
        ...entries,
        e('running_mean', 'movingMean', [op.channels], false),
        e('running_var', 'movingVariance', [op.channels], false),
        e('num_batches_tracked', 'numBatchesTracked', [], false),
      ];
    }
    default:
      return [];
  }
}

/**
 * Every state-dict entry of the exported model of `compiled`, in `Model().state_dict()` order.
 */
export function stateDictLayout(compiled: CompiledDesign): StateEntry[] {
  const names = pytorchModuleNames(compiled);
  return compiled.ops.flatMap((op) => entriesOf(op, names[op.id] ?? op.id));
}
