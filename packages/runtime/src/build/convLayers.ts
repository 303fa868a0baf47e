/**
 * Builders of the convolution ops: `conv` (plain, separable, dilated) and `convTranspose`.
 * Dilated convs use the trainable {@link DilatedConv2D}; tfjs's own refuse dilation gradients.
 */
import * as tf from '@tensorflow/tfjs';
import { DilatedConv2D } from '../layers/DilatedConv2D';
import { makeInitializer } from '../layers/initializers';
import type { BuildContext, OpBuilder } from './context';
import { applyLayer, only } from './context';
import { toPair } from './spatial';

function initializer(ctx: BuildContext, offset = 0) {
  return makeInitializer(ctx.kernelInitializer, ctx.seed, ctx.opIndex * 2 + offset);
}

/** `conv` → Conv2D, SeparableConv2D (depth multiplier 1) or DilatedConv2D. */
export const buildConv: OpBuilder<'conv'> = (op, inputs, ctx) => {
  const x = only(op, inputs);
  const name = ctx.namer.name(op.id);
  const kernelSize = toPair(op.kernel, ctx.dims);
  const strides = toPair(op.stride, ctx.dims);
  const dilationRate = toPair(op.dilation, ctx.dims);
  const common = {
    name,
    filters: op.outChannels,
    kernelSize,
    strides,
    padding: op.padding,
    useBias: op.bias,
  };
  let layer: tf.layers.Layer;
  if (dilationRate[0] > 1 || dilationRate[1] > 1) {
    layer = new DilatedConv2D({
      ...common,
      dilationRate,
      separable: op.separable,
      kernelInitializer: ctx.kernelInitializer,
      seed: ctx.seed === null ? null : ctx.seed + ctx.opIndex * 2,
    });
  } else if (op.separable) {
    layer = tf.layers.separableConv2d({
      ...common,
      depthMultiplier: 1,
      depthwiseInitializer: initializer(ctx),
      pointwiseInitializer: initializer(ctx, 1),
    });
  } else {
    layer = tf.layers.conv2d({ ...common, kernelInitializer: initializer(ctx) });
  }
  return { tensor: applyLayer(layer, [x]), layerName: name };
};

/**
 * `convTranspose` → Conv2DTranspose (kernel `[kh, kw, out, in]`). Its sizes are the compiler's
 * (TensorFlow's): `same` gives in·stride, `valid` in·stride + max(kernel − stride, 0).
 */
export const buildConvTranspose: OpBuilder<'convTranspose'> = (op, inputs, ctx) => {
  const x = only(op, inputs);
  const name = ctx.namer.name(op.id);
  const layer = tf.layers.conv2dTranspose({
    name,
    filters: op.outChannels,
    kernelSize: toPair(op.kernel, ctx.dims),
    strides: toPair(op.stride, ctx.dims),
    padding: op.padding,
    useBias: op.bias,
    kernelInitializer: initializer(ctx),
  });
  return { tensor: applyLayer(layer, [x]), layerName: name };
};
