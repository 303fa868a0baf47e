import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrimitiveOp } from '@unet-studio/compiler';
import { buildModel } from '../build/buildModel';
import { compiledFromOps, mk, open, shape, sym } from '../build/testOps';
import { saveToMemory } from './memory';
import { loadModel, saveModel } from './saveLoad';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A 2D model using every custom layer: dilated (plain and separable) conv, group and instance
 * norm, ELU with alpha, bilinear upsampling and resize, and a crop of an open-size map. */
function everyCustomLayer2d(): PrimitiveOp[] {
  const H = sym('H');
  const W = sym('W');
  const h2 = sym('H', 1, 2);
  const w2 = sym('W', 1, 2);
  return [
    mk.input('in/x', open(2, H, W)),
    mk.conv('a/conv', 'in/x', open(4, H, W), 2, { dilation: [2, 2] }),
    mk.norm('a/gn', 'a/conv', open(4, H, W), { norm: 'group', groups: 2 }),
    mk.activation('a/elu', 'a/gn', open(4, H, W), { activation: 'elu', alpha: 0.5 }),
    mk.pool('p/pool', 'a/elu', open(4, h2, w2)),
    mk.conv('b/conv', 'p/pool', open(6, h2, w2), 4, { separable: true, dilation: [2, 2] }),
    mk.norm('b/in', 'b/conv', open(6, h2, w2), { norm: 'instance' }),
    mk.upsample('u/up', 'b/in', open(6, H, W), { mode: 'bilinear', alignCorners: true }),
    mk.crop('s/crop', 'a/elu', open(4, H, W), [0, 0]),
    mk.concat('s/cat', ['s/crop', 'u/up'], open(10, H, W)),
    mk.resize('s/rs', ['s/cat', 'in/x'], open(10, H, W)),
    mk.norm('s/bn', 's/rs', open(10, H, W)),
    mk.conv('head/conv', 's/bn', open(3, H, W), 10, { kernel: [1, 1] }),
    mk.output('out/y', 'head/conv', open(3, H, W)),
  ];
}

/** The same kinds of layer in a 1D model of fixed length, with a layer norm. */
function everyCustomLayer1d(): PrimitiveOp[] {
  return [
    mk.input('in/x', shape(2, 16)),
    mk.conv('a/conv', 'in/x', shape(4, 16), 2, { dilation: [3], separable: true }),
    mk.norm('a/ln', 'a/conv', shape(4, 16), { norm: 'layer' }),
    mk.activation('a/elu', 'a/ln', shape(4, 16), { activation: 'elu', alpha: 2 }),
    mk.pool('p/pool', 'a/elu', shape(4, 8)),
    mk.upsample('u/up', 'p/pool', shape(4, 16), { mode: 'bilinear' }),
    mk.convTranspose('u/tr', 'p/pool', shape(4, 16), 4),
    mk.add('s/add', ['u/up', 'u/tr'], shape(4, 16)),
    mk.resize('s/rs', ['s/add'], shape(4, 20)),
    mk.crop('s/crop', 's/rs', shape(4, 18), [1]),
    mk.output('out/y', 's/crop', shape(4, 18)),
  ];
}

function memoryLocation(artifacts: tf.io.ModelArtifacts): tf.io.IOHandler {
  return tf.io.fromMemory(artifacts);
}

describe('saveModel / loadModel', () => {
  it.each([
    { name: '2D', ops: everyCustomLayer2d, dims: 2, input: [2, 12, 8, 2] },
    { name: '1D', ops: everyCustomLayer1d, dims: 1, input: [2, 16, 2] },
  ] as const)(
    'reloads a $name model with every custom layer and predicts identically',
    async ({ ops, dims, input }) => {
      const compiled = compiledFromOps(ops(), dims);
      const model = buildModel(compiled, { seed: 11 });
      // Move the batch-norm statistics off their initial values so they are checked too.
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = tf.randomNormal([...input], 0, 1, 'float32', 12);
      const target = tf.zerosLike(model.predict(x) as tf.Tensor);
      await model.fit(x, target, { epochs: 1, batchSize: 2, verbose: 0 });

      let saved: tf.io.ModelArtifacts | null = null;
      await saveModel(
        model,
        tf.io.withSaveHandler((a) => {
          saved = a;
          return Promise.resolve({ modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(a) });
        }),
      );
      const loaded = await loadModel(memoryLocation(saved!), { verifyDesign: false });
      expect(loaded.design).toEqual(compiled.design);
      expect(loaded.opLayerNames['a/conv']).toBe('a__conv');
      const before = model.predict(x) as tf.Tensor;
      const after = loaded.model.predict(x) as tf.Tensor;
      expect(tf.max(tf.abs(tf.sub(before, after))).dataSync()[0]).toBeLessThanOrEqual(1e-6);
    },
  );

  it('embeds the design and the op → layer map in model.json', async () => {
    const model = buildModel(compiledFromOps(everyCustomLayer1d(), 1));
    const artifacts = await saveToMemory(model);
    const meta = artifacts.userDefinedMetadata as {
      unetStudio: { design: { format: string }; opLayerNames: object };
    };
    expect(meta.unetStudio.design.format).toBe('unet-studio/design');
    expect(meta.unetStudio.opLayerNames).toMatchObject({ 'a/ln': 'a__ln', 'out/y': 'out__y' });
    const names = artifacts.weightSpecs?.map((w) => w.name) ?? [];
    expect(names).toContain('a__conv/depthwise_kernel');
    expect(names).toContain('a__ln/gamma');
  });

  it('refuses to save a model without a design', async () => {
    const input = tf.input({ shape: [2] });
    const plain = tf.model({
      inputs: input,
      outputs: tf.layers.dense({ units: 1 }).apply(input) as tf.SymbolicTensor,
    });
    await expect(
      saveModel(
        plain,
        tf.io.withSaveHandler(() => Promise.reject(new Error('unreached'))),
      ),
    ).rejects.toThrow(/userDefinedMetadata.unetStudio is missing/);
  });

  it('refuses to load a model whose metadata is missing or tampered with', async () => {
    const artifacts = await saveToMemory(buildModel(compiledFromOps(everyCustomLayer1d(), 1)));
    await expect(
      loadModel(memoryLocation({ ...artifacts, userDefinedMetadata: undefined })),
    ).rejects.toThrow(/cannot reopen as a design: userDefinedMetadata.unetStudio is missing/);
    const tampered = {
      ...artifacts,
      userDefinedMetadata: {
        unetStudio: {
          version: 1,
          design: { format: 'other' },
          opLayerNames: { 'a/conv': 'no_such_layer' },
        },
      },
    };
    const failure = loadModel(memoryLocation(tampered));
    await expect(failure).rejects.toThrow(/unetStudio.design.format/);
    await expect(failure).rejects.toThrow(
      /names layer "no_such_layer", which the model does not have/,
    );
  });

  it('explains a broken model.json', async () => {
    await expect(loadModel(memoryLocation({ modelTopology: { nonsense: true } }))).rejects.toThrow(
      /could not load a model from the given handler/,
    );
  });

  it('explains a URL scheme that has no handler here', async () => {
    const model = buildModel(compiledFromOps(everyCustomLayer1d(), 1));
    await expect(saveModel(model, 'indexeddb://unet')).rejects.toThrow(
      /no way to save a model at "indexeddb:\/\/unet" here/,
    );
    await expect(loadModel('nowhere://x')).rejects.toThrow(
      /no way to load a model at "nowhere:\/\/x"/,
    );
  });
});
