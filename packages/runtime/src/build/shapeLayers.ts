/**
 * Builders of the ops that move or merge pixels: `pool`, `upsample`, `resize`, `crop`, `pad`,
 * `add` and `concat`.
 */
import * as tf from '@tensorflow/tfjs';
import { OpenCropping2D } from '../layers/OpenCropping2D';
import type { PrimitiveOp } from '@unet-studio/compiler';
import { BilinearResize } from '../layers/BilinearResize';
import type { OpBuilder } from './context';
import { applyLayer, only } from './context';
import { dimDifference, spatial2d, toPair } from './spatial';

/** `pool` → MaxPooling2D / AveragePooling2D (TensorFlow `same`/`valid` sizes). */
export const buildPool: OpBuilder<'pool'> = (op, inputs, ctx) => {
  const name = ctx.namer.name(op.id);
  const args = {
    name,
    poolSize: toPair(op.window, ctx.dims),
    strides: toPair(op.stride, ctx.dims),
    padding: op.padding,
  };
  const layer = op.mode === 'max' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
  return { tensor: applyLayer(layer, [only(op, inputs)]), layerName: name };
};

/** `upsample` → UpSampling2D (nearest) or {@link BilinearResize} by the factor. */
export const buildUpsample: OpBuilder<'upsample'> = (op, inputs, ctx) => {
  const name = ctx.namer.name(op.id);
  const factor = toPair(op.factor, ctx.dims);
  const layer =
    op.mode === 'nearest'
      ? tf.layers.upSampling2d({ name, size: factor, interpolation: 'nearest' })
      : new BilinearResize({ name, factor, alignCorners: op.alignCorners });
  return { tensor: applyLayer(layer, [only(op, inputs)]), layerName: name };
};

/**
 * `resize` → {@link BilinearResize} (half-pixel centres) to the op's size. When that size is open,
 * the size is taken at run time from the op's second input, or else from any tensor already built
 * whose size has the same expression (the skip map a decoder map is resized to, say).
 */
export const buildResize: OpBuilder<'resize'> = (op, inputs, ctx) => {
  const name = ctx.namer.name(op.id);
  const [h, w] = spatial2d(op.shape, ctx.dims);
  const [x, second] = inputs;
  if (x === undefined) throw new Error(`op "${op.id}" (resize) has no input`);
  if (h !== null && w !== null) {
    const layer = new BilinearResize({ name, size: [h, w], alignCorners: false });
    return { tensor: applyLayer(layer, [x]), layerName: name };
  }
  const reference = second ?? ctx.tensorOfSize(op.shape.spatial);
  if (reference === undefined) {
    throw new Error(
      `op "${op.id}" (resize): its target size depends on the open input size and no map of that size exists; give the input a fixed size`,
    );
  }
  const layer = new BilinearResize({ name, alignCorners: false });
  return { tensor: applyLayer(layer, [x, reference]), layerName: name };
};

/** `crop` → Cropping2D keeping `[begin, begin + size)` on each axis. */
export const buildCrop: OpBuilder<'crop'> = (op, inputs, ctx) => {
  const x = only(op, inputs);
  const name = ctx.namer.name(op.id);
  const source = ctx.shapeOf(op.inputs[0] ?? '');
  const amounts = op.shape.spatial.map((size, i) => {
    const begin = op.begin[i] ?? 0;
    const end = dimDifference(source.spatial[i] ?? 0, size);
    if (end === null || end - begin < 0) {
      throw new Error(
        `op "${op.id}" (crop): the amount to crop depends on the open input size; give the input a fixed size`,
      );
    }
    return [begin, end - begin] as [number, number];
  });
  const cropping = ctx.dims === 1 ? [[0, 0], amounts[0]] : amounts;
  const layer = new OpenCropping2D({
    name,
    cropping: cropping as [[number, number], [number, number]],
  });
  return { tensor: applyLayer(layer, [x]), layerName: name };
};

/** `pad` → ZeroPadding2D with the op's amounts before and after each axis. */
export const buildPad: OpBuilder<'pad'> = (op, inputs, ctx) => {
  const name = ctx.namer.name(op.id);
  const before = toPair(op.before, ctx.dims, 0);
  const after = toPair(op.after, ctx.dims, 0);
  const layer = tf.layers.zeroPadding2d({
    name,
    padding: [
      [before[0], after[0]],
      [before[1], after[1]],
    ],
  });
  return { tensor: applyLayer(layer, [only(op, inputs)]), layerName: name };
};

function atLeastTwo(op: PrimitiveOp, inputs: readonly tf.SymbolicTensor[]): void {
  if (inputs.length < 2) {
    throw new Error(`op "${op.id}" (${op.op}) needs at least 2 inputs, got ${inputs.length}`);
  }
}

/** `add` → Add of the inputs. */
export const buildAdd: OpBuilder<'add'> = (op, inputs, ctx) => {
  atLeastTwo(op, inputs);
  const name = ctx.namer.name(op.id);
  return { tensor: applyLayer(tf.layers.add({ name }), inputs), layerName: name };
};

/** `concat` → Concatenate along the channel axis, inputs in order. */
export const buildConcat: OpBuilder<'concat'> = (op, inputs, ctx) => {
  atLeastTwo(op, inputs);
  const name = ctx.namer.name(op.id);
  return { tensor: applyLayer(tf.layers.concatenate({ name, axis: -1 }), inputs), layerName: name };
};
