import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSyntheticShapes } from '../data/synthetic';
import { toTensors } from '../data/dataset';
import { evaluate } from './evaluate';
import { makeLoss } from './losses';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A 1×1 conv predicting foreground where the mean brightness is above 0.45 (logit scale 20). */
function brightness(): tf.LayersModel {
  const input = tf.input({ shape: [16, 16, 3] });
  const conv = tf.layers.conv2d({
    filters: 1,
    kernelSize: 1,
    weights: [tf.fill([1, 1, 3, 1], 20 / 3), tf.tensor1d([-20 * 0.45])],
  });
  return tf.model({ inputs: input, outputs: conv.apply(input) as tf.SymbolicTensor });
}

describe('evaluate', () => {
  const data = makeSyntheticShapes({ count: 10, size: [16, 16], seed: 4, noise: 0.02 });

  it('scores a model that separates the shapes by brightness as nearly perfect', async () => {
    const { metrics, count, loss } = await evaluate(brightness(), data);
    expect(count).toBe(10);
    expect(loss).toBeNull();
    expect(metrics.dice).toBeGreaterThan(0.97);
    expect(metrics.pixelAccuracy).toBeGreaterThan(0.98);
  });

  it('gives the same figures whatever the batch size, and the loss of the whole set', async () => {
    const model = brightness();
    const a = await evaluate(model, data, { batchSize: 3, loss: 'bce' });
    const b = await evaluate(model, data, { batchSize: 10, loss: 'bce' });
    expect(a.metrics).toEqual(b.metrics);
    const { x, y } = toTensors(data);
    const whole = makeLoss('bce', { head: 'none', classes: 1 })(
      y,
      model.predict(x) as tf.Tensor,
      null,
    );
    expect(a.loss).toBeCloseTo(whole.dataSync()[0]!, 5);
    expect(b.loss).toBeCloseTo(whole.dataSync()[0]!, 5);
  });
});
