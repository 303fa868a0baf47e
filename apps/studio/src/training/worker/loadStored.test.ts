import * as tf from '@tensorflow/tfjs';
import { compile, type Design } from '@unet-studio/compiler';
import { buildModel } from '@unet-studio/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainDesign } from '../../state/testDesign';
import { artifactsOf, loadStoredModel, restoreStoredWeights } from './loadStored';

const build = (design: Design, seed: number): tf.LayersModel => {
  const compiled = compile(design, { inputSize: [16, 16], batch: 1 });
  return buildModel(compiled, { seed });
};

const narrower = (design: Design): Design => ({
  ...design,
  model: {
    ...design.model,
    nodes: design.model.nodes.map((n) =>
      n.id === 'enc1' && n.kind === 'conv' ? { ...n, params: { ...n.params, filters: 4 } } : n,
    ),
  },
});

describe('stored models in the worker', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterAll(() => tf.disposeVariables());

  it('loads a stored model back with its weights: it predicts as the trained one did', async () => {
    const trained = build(chainDesign(), 3);
    const stored = await artifactsOf(trained);
    expect(stored.weightData.byteLength).toBeGreaterThan(0);
    const loaded = await loadStoredModel(structuredClone(stored));
    const x = tf.randomUniform([1, 16, 16, 3], 0, 1, 'float32', 7);
    const a = trained.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    expect(tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]).toBeLessThan(1e-6);
    tf.dispose([x, a, b]);
    trained.dispose();
    loaded.dispose();
  });

  it('continues from stored weights of the same design, and refuses another design', async () => {
    const trained = build(chainDesign(), 3);
    const stored = await artifactsOf(trained);
    const fresh = build(chainDesign(), 9);
    await restoreStoredWeights(fresh, structuredClone(stored));
    const same = fresh.getWeights().every((w, i) => {
      const t = trained.getWeights()[i];
      return t !== undefined && tf.equal(w, t).all().dataSync()[0] === 1;
    });
    expect(same).toBe(true);
    const other = build(narrower(chainDesign()), 9);
    await expect(restoreStoredWeights(other, structuredClone(stored))).rejects.toThrow(
      /the stored weights do not fit this design/,
    );
    tf.dispose([trained, fresh, other].flatMap((m) => m.getWeights()));
  });
});
