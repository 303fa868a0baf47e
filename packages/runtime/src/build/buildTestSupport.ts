/**
 * Checks shared by the builder's tests: build a compiled design, compare its parameter counts,
 * and run a forward pass on random data of the input's size.
 */
import * as tf from '@tensorflow/tfjs';
import type { CompiledDesign, Shape } from '@unet-studio/compiler';
import { expect } from 'vitest';
import { buildModel } from './buildModel';
import { countParams } from './countParams';
import type { ParamTotals } from './countParams';

/** A fixed-size shape as the model's output shape without the batch: `[...spatial, channels]`. */
export function channelsLast(s: Shape): number[] {
  return [
    ...s.spatial.map((d) => {
      if (typeof d !== 'number') throw new Error('expected a fixed size');
      return d;
    }),
    s.channels,
  ];
}

/** The batch shape of the model's input with open sizes replaced by `open`. */
export function inputShapeOf(model: tf.LayersModel, batch: number, open = 16): number[] {
  const shape = model.inputs[0]?.shape ?? [];
  return [batch, ...shape.slice(1).map((d) => d ?? open)];
}

/**
 * Builds `compiled` (which checks every layer's shape against its op), compares the parameter
 * counts with `params`, runs a batch of 2 forward and checks the output is finite and shaped
 * `[2, ...expectedOut]`. Returns the model and the output values.
 */
export function buildAndRun(
  compiled: CompiledDesign,
  params: ParamTotals,
  expectedOut: number[],
): { model: tf.LayersModel; output: Float32Array } {
  const model = buildModel(compiled, { seed: 3 });
  expect(countParams(model)).toEqual(params);
  const x = tf.randomNormal(inputShapeOf(model, 2), 0, 1, 'float32', 4);
  const y = model.predict(x) as tf.Tensor;
  expect(y.shape).toEqual([2, ...expectedOut]);
  const output = y.dataSync() as Float32Array;
  expect(output.every(Number.isFinite)).toBe(true);
  tf.dispose([x, y]);
  return { model, output };
}
