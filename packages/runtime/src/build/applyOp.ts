/**
 * Dispatch from a primitive op to its builder. The `input` and `output` ops are handled by
 * `buildModel`, which owns the model's input and outputs.
 */
import type * as tf from '@tensorflow/tfjs';
import type { PrimitiveOp } from '@unet-studio/compiler';
import type { BuildContext, OpOutput } from './context';
import { buildConv, buildConvTranspose } from './convLayers';
import { buildActivation, buildDropout, buildNorm } from './normLayers';
import {
  buildAdd,
  buildConcat,
  buildCrop,
  buildPad,
  buildPool,
  buildResize,
  buildUpsample,
} from './shapeLayers';

/** Builds the layers of one inner op (anything but `input` and `output`). */
export function applyOp(
  op: Exclude<PrimitiveOp, { op: 'input' | 'output' }>,
  inputs: readonly tf.SymbolicTensor[],
  ctx: BuildContext,
): OpOutput {
  switch (op.op) {
    case 'conv':
      return buildConv(op, inputs, ctx);
    case 'convTranspose':
      return buildConvTranspose(op, inputs, ctx);
    case 'norm':
      return buildNorm(op, inputs, ctx);
    case 'activation':
      return buildActivation(op, inputs, ctx);
    case 'dropout':
      return buildDropout(op, inputs, ctx);
    case 'pool':
      return buildPool(op, inputs, ctx);
    case 'upsample':
      return buildUpsample(op, inputs, ctx);
    case 'resize':
      return buildResize(op, inputs, ctx);
    case 'crop':
      return buildCrop(op, inputs, ctx);
    case 'pad':
      return buildPad(op, inputs, ctx);
    case 'add':
      return buildAdd(op, inputs, ctx);
    case 'concat':
      return buildConcat(op, inputs, ctx);
  }
}
