import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile, modelManagerToDesign, zModelManagerParams } from '@unet-studio/compiler';
import { buildModel } from '../build/buildModel';
import { countParams } from '../build/countParams';
import { ModelManager } from './ModelManager';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const small = { in_channels: 1, out_channels: 2, features: [4, 8, 16] };

describe('ModelManager.createModel', () => {
  it('returns the same model as compiling the equivalent design', () => {
    const params = {
      ...small,
      activation: 'leaky_relu',
      normalization: 'groupnorm',
      bilinear: false,
    };
    const viaManager = new ModelManager().createModel('unet', params, {
      inputSize: [16, 24],
      seed: 4,
    });
    const design = modelManagerToDesign(zModelManagerParams.parse(params), { inputSize: [16, 24] });
    const direct = buildModel(compile(design), { seed: 4 });
    expect(viaManager.layers.map((l) => [l.name, l.getClassName()])).toEqual(
      direct.layers.map((l) => [l.name, l.getClassName()]),
    );
    const x = tf.randomNormal([2, 16, 24, 1], 0, 1, 'float32', 5);
    const diff = tf.max(
      tf.abs(tf.sub(viaManager.predict(x) as tf.Tensor, direct.predict(x) as tf.Tensor)),
    );
    expect(diff.dataSync()[0]).toBe(0);
    expect((viaManager.predict(x) as tf.Tensor).shape).toEqual([2, 16, 24, 2]);
  });

  // 31M weights take seconds to initialise on a shared machine.
  it('builds the platform example with its 31,384,833 parameters', { timeout: 60_000 }, () => {
    const model = new ModelManager().createModel('unet', {
      in_channels: 3,
      out_channels: 1,
      features: [64, 128, 256, 512, 1024],
    });
    expect(countParams(model).trainable).toBe(31_384_833);
    expect(model.inputs[0]?.shape).toEqual([null, 256, 256, 3]);
    model.dispose();
  });

  it('accepts odd input sizes, which the platform pads', () => {
    const model = new ModelManager().createModel('unet', small, { inputSize: [30, 27] });
    expect((model.predict(tf.zeros([1, 30, 27, 1])) as tf.Tensor).shape).toEqual([1, 30, 27, 2]);
  });

  it('uses the platform defaults for left-out parameters', () => {
    const model = new ModelManager().createModel('UNet', {}, { inputSize: [16, 16] });
    expect(model.inputs[0]?.shape).toEqual([null, 16, 16, 3]);
    expect(model.outputs[0]?.shape).toEqual([null, 16, 16, 1]);
    expect(model.getLayer('up1__upsample').getClassName()).toBe('BilinearResize');
    expect(countParams(model).trainable).toBe(7_785_729);
    model.dispose();
  });

  it('rejects values the platform would silently turn into identity, naming the allowed ones', () => {
    const manager = new ModelManager();
    expect(() => manager.createModel('unet', { activation: 'gelu' })).toThrow(
      `failed to create model 'unet': activation: activation "gelu" is not supported; use one of 'relu', 'leaky_relu', 'elu'`,
    );
    expect(() => manager.createModel('unet', { normalization: 'instancenorm' })).toThrow(
      /normalization "instancenorm" is not supported; use one of 'batchnorm', 'groupnorm'/,
    );
  });

  it('names bad values, unknown parameters and impossible designs', () => {
    const manager = new ModelManager();
    expect(() => manager.createModel('unet', { features: [8, 0] })).toThrow(
      /features\[1\]: must be at least 1/,
    );
    expect(() => manager.createModel('unet', { kernel_size: 5 })).toThrow(
      /unknown parameter "kernel_size"/,
    );
    expect(() =>
      manager.createModel('unet', { features: [4, 8, 16, 32] }, { inputSize: [4, 4] }),
    ).toThrow(/failed to create model 'unet': .*shrinks the 16×1×1 map to 0×0/);
    expect(() =>
      manager.createModel('unet', small, { inputSize: [16, 0] as [number, number] }),
    ).toThrow(/inputSize must be \[height, width\] in pixels, got \[16,0\]/);
    expect(() =>
      manager.createModel(
        'unet',
        { ...small, features: [48, 96], normalization: 'groupnorm' },
        { inputSize: [8, 8] },
      ),
    ).toThrow(
      /failed to create model 'unet': GroupNorm with 32 groups cannot split 48 channels evenly/,
    );
  });

  it('rejects unknown model names, listing the available ones', () => {
    expect(() => new ModelManager().createModel('resnet', {})).toThrow(
      `unknown model "resnet"; available: unet`,
    );
  });
});

describe('ModelManager registry', () => {
  it('lists the models and documents the unet hyperparameters with the code defaults', () => {
    const manager = new ModelManager();
    expect(manager.listModels()).toEqual(['unet']);
    const hp = manager.getHyperparameters('unet');
    expect(hp.map((h) => [h.name, h.type, h.default])).toEqual([
      ['in_channels', 'int', 3],
      ['out_channels', 'int', 1],
      ['features', 'int[]', [64, 128, 256, 512]],
      ['activation', 'string', 'relu'],
      ['normalization', 'string', 'batchnorm'],
      ['bilinear', 'bool', true],
    ]);
    expect(hp.find((h) => h.name === 'activation')?.allowed).toEqual(['relu', 'leaky_relu', 'elu']);
    expect(hp.every((h) => h.description.length > 10)).toBe(true);
    expect(() => manager.getHyperparameters('vnet')).toThrow(/unknown model "vnet"/);
  });

  it('registers, lists and creates a custom model, and reports its failures', () => {
    const manager = new ModelManager();
    manager.registerModel(
      'Identity',
      (params) => {
        const channels = params.channels;
        if (typeof channels !== 'number') throw new Error('channels must be a number');
        const input = tf.input({ shape: [4, 4, channels] });
        return tf.model({ inputs: input, outputs: input });
      },
      [{ name: 'channels', type: 'int', default: 1, description: 'Channels in and out.' }],
    );
    expect(manager.listModels()).toEqual(['identity', 'unet']);
    expect(manager.createModel('identity', { channels: 2 }).outputs[0]?.shape).toEqual([
      null,
      4,
      4,
      2,
    ]);
    expect(manager.getHyperparameters('IDENTITY')[0]?.name).toBe('channels');
    expect(() => manager.createModel('identity', {})).toThrow(
      `failed to create model 'identity': channels must be a number`,
    );
  });

  it('refuses to replace a model by accident, or to register a bad name or factory', () => {
    const manager = new ModelManager();
    const factory = () => {
      throw new Error('unused');
    };
    expect(() => manager.registerModel('unet', factory)).toThrow(
      /'unet' is already registered; pass \{ replace: true \}/,
    );
    manager.registerModel('unet', factory, [], { replace: true });
    expect(() => manager.createModel('unet')).toThrow(/unused/);
    expect(() => manager.registerModel('', factory)).toThrow(/model names are letters, digits/);
    expect(() => manager.registerModel('x', 'nope' as never)).toThrow(/must be a function/);
    // Each manager has its own registry.
    expect(new ModelManager().getHyperparameters('unet')).toHaveLength(6);
  });
});
