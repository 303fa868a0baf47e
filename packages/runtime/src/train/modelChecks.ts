/**
 * What the training code needs to know about a model, and whether it fits a data set.
 */
import type * as tf from '@tensorflow/tfjs';
import { cropTargetsTo } from '../data/cropTargets';
import type { SegmentationData } from '../data/dataset';
import { headOf } from '../build/predict';
import type { HeadActivation } from './losses';

/**
 * The activation the model's head applies: `sigmoid`, `softmax`, or `none` (logits): the output
 * layer's own activation, else the graph read back over identity layers (see `headOf`).
 */
export function detectHead(model: tf.LayersModel): HeadActivation {
  // A layer with a built-in activation (conv2d({ activation: 'sigmoid' })) answers directly.
  const own = (model.outputLayers[0]?.getConfig() as { activation?: unknown } | undefined)
    ?.activation;
  if (own === 'sigmoid' || own === 'softmax') return own;
  const head = headOf(model);
  return head === 'logits' ? 'none' : head;
}

/** Throws, naming the mismatch, when the model cannot take `data`'s inputs or predict its targets. */
export function checkModelFitsData(model: tf.LayersModel, data: SegmentationData): void {
  if (model.inputs.length !== 1 || model.outputs.length !== 1) {
    throw new Error(
      `training needs a model with one input and one output, got ${model.inputs.length} and ${model.outputs.length}`,
    );
  }
  const input = model.inputs[0]!.shape.slice(1);
  const output = model.outputs[0]!.shape.slice(1);
  const fmt = (s: readonly (number | null)[]) => `[${s.map((d) => d ?? '?').join(', ')}]`;
  const fits = (model: readonly (number | null)[], want: readonly number[]) =>
    model.length === want.length && model.every((d, i) => d === null || d === want[i]);
  if (!fits(input, data.inputShape)) {
    throw new Error(
      `the model takes inputs of shape ${fmt(input)} but the data's samples are ${fmt(data.inputShape)}`,
    );
  }
  if (output[output.length - 1] !== data.targetShape[data.targetShape.length - 1]) {
    const k = data.targetShape[data.targetShape.length - 1];
    const what =
      data.classes === 1 ? 'a binary mask (1 channel)' : `${data.classes} classes (${k} channels)`;
    throw new Error(
      `the model predicts ${output[output.length - 1]} channels but the data has ${what}`,
    );
  }
  if (!fits(output, data.targetShape)) {
    throw new Error(
      `the model outputs ${fmt(output)} but the targets are ${fmt(data.targetShape)}`,
    );
  }
}

/**
 * `data` as the model's output sees it: a valid-padding network predicts the centre of its input,
 * so its targets are centre-cropped to the output size (the paper's overlap-tile training).
 */
export function targetsForModel(model: tf.LayersModel, data: SegmentationData): SegmentationData {
  const output = model.outputs[0]?.shape;
  return output ? cropTargetsTo(data, output.slice(1, -1)) : data;
}
