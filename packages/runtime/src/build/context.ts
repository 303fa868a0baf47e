/**
 * What each op builder gets and returns. An op builder turns one primitive op into one or more
 * tfjs layers applied to the symbolic tensors of the op's inputs.
 */
import type * as tf from '@tensorflow/tfjs';
import type { PrimitiveOp, Shape } from '@unet-studio/compiler';
import type { KernelInitializer } from '../layers/initializers';
import type { LayerNamer } from './names';

/** Shared state of one model build. */
export interface BuildContext {
  readonly dims: 1 | 2;
  readonly namer: LayerNamer;
  /** The compiler's output shape of an op already built. */
  readonly shapeOf: (opId: string) => Shape;
  readonly kernelInitializer: KernelInitializer;
  /** Base seed of the kernel initialisers, or null for random weights. */
  readonly seed: number | null;
  /** Position of the op being built, to give each layer its own seed. */
  readonly opIndex: number;
  /**
   * A tensor built so far whose spatial size is `spatial` (open sizes compared by expression), so a
   * layer can take a size that is only known at run time from it.
   */
  readonly tensorOfSize: (spatial: Shape['spatial']) => tf.SymbolicTensor | undefined;
}

/** The result of building one op: its output tensor and the name of its main layer. */
export interface OpOutput {
  readonly tensor: tf.SymbolicTensor;
  readonly layerName: string;
}

/** Builds one op of kind `T`. */
export type OpBuilder<T extends PrimitiveOp['op']> = (
  op: Extract<PrimitiveOp, { op: T }>,
  inputs: readonly tf.SymbolicTensor[],
  ctx: BuildContext,
) => OpOutput;

/** Applies a layer to one or several symbolic inputs and returns its single output. */
export function applyLayer(
  layer: tf.layers.Layer,
  inputs: readonly tf.SymbolicTensor[],
): tf.SymbolicTensor {
  const arg = inputs.length === 1 ? inputs[0] : [...inputs];
  if (arg === undefined) throw new Error(`layer "${layer.name}" has no input`);
  return layer.apply(arg) as tf.SymbolicTensor;
}

/** The single input of a one-input op. */
export function only(op: PrimitiveOp, inputs: readonly tf.SymbolicTensor[]): tf.SymbolicTensor {
  const [x] = inputs;
  if (x === undefined || inputs.length !== 1) {
    throw new Error(`op "${op.id}" (${op.op}) needs exactly 1 input, got ${inputs.length}`);
  }
  return x;
}
