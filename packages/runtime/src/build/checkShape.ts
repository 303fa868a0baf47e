/**
 * Checks that a layer's output shape is the compiler's shape for its op. A mismatch means the
 * runtime and the compiler disagree about a layer, so the build stops with both shapes.
 */
import type * as tf from '@tensorflow/tfjs';
import type { PrimitiveOp } from '@unet-studio/compiler';
import { concrete, formatShape } from './spatial';

/**
 * Throws unless `tensor` has the op's shape. Inside a 1D model tensors are `[batch, 1, L, C]`;
 * `flat` marks tensors at the model's edge, which are `[batch, L, C]`.
 */
export function checkShape(
  op: PrimitiveOp,
  tensor: tf.SymbolicTensor,
  dims: 1 | 2,
  flat = false,
): void {
  const actual = tensor.shape.slice(1);
  const channels = actual[actual.length - 1] ?? null;
  const sizes = actual.slice(0, -1);
  const expected = op.shape.spatial.map(concrete);
  const expectedSizes = dims === 1 && !flat ? [1, ...expected] : expected;
  const sameRank = sizes.length === expectedSizes.length;
  const matches =
    sameRank &&
    channels === op.shape.channels &&
    // An open size may come out as null or as a number; a fixed size must match exactly.
    expectedSizes.every((e, i) => e === null || sizes[i] === e);
  if (!matches) {
    const shown = dims === 1 && !flat ? sizes.slice(1) : sizes;
    throw new Error(
      `op "${op.id}" (${op.op}): the tfjs layer gives ${formatShape(channels, shown)} but the compiler expects ${formatShape(op.shape.channels, expected)}`,
    );
  }
}
