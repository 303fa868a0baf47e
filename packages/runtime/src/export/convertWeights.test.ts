import * as tf from '@tensorflow/tfjs';
import {
  compile,
  createDesignBuilder,
  stateDictLayout,
  type CompiledDesign,
} from '@unet-studio/compiler';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../build/buildModel';
import { parseModelInfo } from '../io/metadata';
import { convertWeights, type NamedWeights } from './convertWeights';
import type { DenseTensor } from './permute';
import { decodeWeights } from './pytorchWeights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** input → separable conv (BN) → transposed conv → output, plus a branch that reaches no output. */
function design(): CompiledDesign {
  const b = createDesignBuilder();
  b.add('input', 'in', 'Input', { channels: 2, size: [8, 8] });
  b.add('conv', 'sep', 'Separable', { filters: 3, separable: true, depth: 1, bias: 'on' });
  b.add('upconv', 'up', 'Up', { filters: 4, factor: 2, kernel: 3 });
  b.add('output', 'out', 'Output', { classes: 1 });
  b.add('conv', 'dead', 'Dead', { filters: 2, depth: 1 });
  for (const [s, t] of [
    ['in', 'sep'],
    ['sep', 'up'],
    ['up', 'out'],
    ['in', 'dead'],
  ] as const)
    b.connect(s, t);
  return compile(b.build({ name: 'convert', description: '' }));
}

function weightsOf(model: tf.LayersModel): Map<string, DenseTensor> {
  return new Map(
    model.weights.map((w) => [
      w.originalName,
      { shape: w.read().shape, data: Float32Array.from(w.read().dataSync()) },
    ]),
  );
}

describe('convertWeights', () => {
  const compiled = design();
  const model = buildModel(compiled, { seed: 1 });
  // The runtime leaves the dead branch out of the tfjs model, so read the metadata unchecked.
  const info = parseModelInfo(model.getUserDefinedMetadata());
  if (!info.ok) throw new Error(info.issues.join('; '));
  const { opLayerNames } = info.value;

  it('fills every state-dict key in order with PyTorch layouts', () => {
    const result = convertWeights(compiled, weightsOf(model), opLayerNames);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.value.map((t) => t.key)).toEqual(stateDictLayout(compiled).map((e) => e.key));
    expect(result.unused).toEqual([]);
    const byKey = new Map(result.value.map((t) => [t.key, t]));
    const depthwise = byKey.get('separable_conv0.depthwise.weight');
    expect(depthwise?.shape).toEqual([2, 1, 3, 3]);
    // (in, 1, kh, kw)[c][0][h][w] = Keras [kh, kw, in, 1][h][w][c][0].
    const dw = weightsOf(model).get(`${opLayerNames['sep/conv0']}/depthwise_kernel`);
    expect(depthwise?.data[(1 * 3 + 2) * 3 + 0]).toBe(dw?.data[(2 * 3 + 0) * 2 + 1]);
    // Transposed conv: Keras [kh, kw, out, in] → PyTorch (in, out, kh, kw).
    const up = byKey.get('up_conv_t.weight');
    expect(up?.shape).toEqual([3, 4, 3, 3]);
    const k = weightsOf(model).get(`${opLayerNames['up/convT']}/kernel`);
    expect(up?.data[((2 * 4 + 1) * 3 + 1) * 3 + 2]).toBe(k?.data[((1 * 3 + 2) * 4 + 1) * 3 + 2]);
    expect(byKey.get('separable_norm0.num_batches_tracked')?.data).toEqual(
      BigInt64Array.from([0n]),
    );
  });

  it('has no state-dict entry for layers that reach no output', () => {
    expect([...weightsOf(model).keys()].some((n) => n.startsWith('dead'))).toBe(false);
    const result = convertWeights(compiled, weightsOf(model), opLayerNames);
    if (!result.ok) throw new Error(result.errors.join('; '));
    expect(result.value.some((t) => t.key.startsWith('dead'))).toBe(false);
    expect(result.unused).toEqual([]);
  });

  it('names what is missing or mis-shaped', () => {
    const weights: NamedWeights = new Map(
      [...weightsOf(model)].filter(([n]) => !n.endsWith('pointwise_kernel')),
    );
    const missing = convertWeights(compiled, weights, opLayerNames);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.errors).toEqual([
        `separable_conv0.pointwise.weight: no pointwise_kernel or kernel weight in layer ${opLayerNames['sep/conv0']}`,
      ]);
    const wrong = new Map(weightsOf(model));
    wrong.set(`${opLayerNames['up/convT']}/bias`, { shape: [5], data: new Float32Array(5) });
    const bad = convertWeights(compiled, wrong, opLayerNames);
    if (!bad.ok)
      expect(bad.errors[0]).toMatch(
        /^up_conv_t\.bias: the TensorFlow\.js weight has shape \[5\], which does not give PyTorch's \[4\]$/,
      );
    const unmapped = convertWeights(compiled, weightsOf(model), {});
    if (!unmapped.ok)
      expect(unmapped.errors[0]).toMatch(
        /does not say which TensorFlow\.js layer implements op sep\/conv0/,
      );
  });
});

describe('decodeWeights', () => {
  it('reads float32 weights in manifest order and refuses short or quantised data', () => {
    const data = Float32Array.from([1, 2, 3, 4, 5]).buffer;
    const ok = decodeWeights(
      [
        { name: 'a/kernel', shape: [2, 2], dtype: 'float32' },
        { name: 'a/bias', shape: [1], dtype: 'float32' },
      ],
      data,
    );
    expect(ok.ok && Array.from(ok.value.get('a/bias')?.data ?? [])).toEqual([5]);
    const short = decodeWeights([{ name: 'a/kernel', shape: [2, 3], dtype: 'float32' }], data);
    expect(!short.ok && short.errors[0]).toBe(
      'weight a/kernel: the weight data ends before its 6 values',
    );
    const quantised = decodeWeights(
      [
        {
          name: 'q',
          shape: [1],
          dtype: 'float32',
          quantization: { dtype: 'uint8', scale: 1, min: 0 },
        },
      ],
      data,
    );
    expect(!quantised.ok && quantised.errors[0]).toMatch(
      /only unquantised float32 weights convert/,
    );
  });
});
