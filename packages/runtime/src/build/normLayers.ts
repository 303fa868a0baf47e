/**
 * Builders of the per-element ops: `norm`, `activation` and `dropout`.
 */
import * as tf from '@tensorflow/tfjs';
import { FastBatchNormalization } from '../kernels/FastBatchNormalization';
import { AlphaELU } from '../layers/AlphaELU';
import { GroupNormalization, InstanceNormalization } from '../layers/GroupNormalization';
import type { OpBuilder } from './context';
import { applyLayer, only } from './context';

/**
 * `norm` → BatchNormalization (Keras momentum = 1 − the op's PyTorch momentum; scale and center
 * always on, since tfjs crashes in training without them), GroupNormalization,
 * InstanceNormalization, or LayerNormalization over the spatial axes (heliaEDGE's `layer`).
 */
export const buildNorm: OpBuilder<'norm'> = (op, inputs, ctx) => {
  const x = only(op, inputs);
  const name = ctx.namer.name(op.id);
  const epsilon = op.eps;
  let layer: tf.layers.Layer;
  switch (op.norm) {
    case 'batch':
      // tfjs's BatchNormalization, with a fused training step on cpu and wasm.
      layer = new FastBatchNormalization({
        name,
        axis: -1,
        epsilon,
        momentum: 1 - op.momentum,
        scale: true,
        center: true,
      });
      break;
    case 'group':
      layer = new GroupNormalization({ name, groups: op.groups, epsilon });
      break;
    case 'instance':
      layer = new InstanceNormalization({ name, epsilon });
      break;
    case 'layer':
      if (op.shape.spatial.some((d) => typeof d !== 'number')) {
        throw new Error(
          `op "${op.id}": a layer norm has one weight per spatial position, so it needs a fixed input size`,
        );
      }
      layer = tf.layers.layerNormalization({ name, axis: [1, 2], epsilon });
      break;
  }
  return { tensor: applyLayer(layer, [x]), layerName: name };
};

/** `activation` → the matching tfjs layer (LeakyReLU and ELU with the op's alpha). */
export const buildActivation: OpBuilder<'activation'> = (op, inputs, ctx) => {
  const x = only(op, inputs);
  const name = ctx.namer.name(op.id);
  let layer: tf.layers.Layer;
  switch (op.activation) {
    case 'relu':
      layer = tf.layers.reLU({ name });
      break;
    case 'relu6':
      layer = tf.layers.reLU({ name, maxValue: 6 });
      break;
    case 'leaky_relu':
      layer = tf.layers.leakyReLU({ name, alpha: op.alpha });
      break;
    case 'elu':
      // tfjs's ELU layer refuses alpha ≠ 1.
      layer = op.alpha === 1 ? tf.layers.elu({ name }) : new AlphaELU({ name, alpha: op.alpha });
      break;
    case 'softmax':
      layer = tf.layers.softmax({ name, axis: -1 });
      break;
    case 'selu':
    case 'gelu':
    case 'sigmoid':
    case 'tanh':
      layer = tf.layers.activation({ name, activation: op.activation });
      break;
  }
  return { tensor: applyLayer(layer, [x]), layerName: name };
};

/** `dropout` → Dropout; spatial dropout drops whole channels through `noiseShape [b, 1, 1, c]`. */
export const buildDropout: OpBuilder<'dropout'> = (op, inputs, ctx) => {
  const x = only(op, inputs);
  const name = ctx.namer.name(op.id);
  // tfjs fills null entries of noiseShape from the input, as Keras does.
  const noiseShape = op.spatial ? ([null, 1, 1, null] as unknown as number[]) : undefined;
  const layer = tf.layers.dropout({ name, rate: op.rate, noiseShape });
  return { tensor: applyLayer(layer, [x]), layerName: name };
};
