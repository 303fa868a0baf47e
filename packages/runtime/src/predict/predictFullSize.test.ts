import * as tf from '@tensorflow/tfjs';
import { compile, withInputSize } from '@unet-studio/compiler';
import { beforeAll, describe, expect, it } from 'vitest';
import { classicUNet } from '../../../compiler/src/templates/classicUNet';
import { originalUnet } from '../../../compiler/src/templates/originalUnet';
import { reflectIndex } from '../data/augment/sampling';
import { initBackend } from '../backend/initBackend';
import { buildModel } from '../build/buildModel';
import { createRandom } from '../data/random';
import { predictFullSize, predictFullSizeSteps, type InputImage } from './predictFullSize';
import { planAxis, type AxisPlan } from './tilePlan';

beforeAll(async () => {
  await initBackend('wasm');
});

/** A smooth random image: a few Gaussian blobs plus a little noise, values in [0, 1]. */
function image(height: number, width: number, seed: number): InputImage {
  const rng = createRandom(seed);
  const blobs = Array.from({ length: 8 }, () => [
    rng.uniform(0, width),
    rng.uniform(0, height),
    rng.uniform(8, 40),
  ]);
  const data = new Float32Array(height * width);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let v = 0.1 * rng.next();
      for (const [bx, by, r] of blobs)
        v += Math.exp(-((x - bx!) ** 2 + (y - by!) ** 2) / (2 * r! * r!));
      data[y * width + x] = Math.min(1, v);
    }
  return { height, width, channels: 1, data };
}

function sameUnet(): tf.LayersModel {
  const design = classicUNet({
    features: [4, 8, 8],
    inChannels: 1,
    outChannels: 1,
    inputSize: [64, 64],
    padding: 'same',
    bias: 'on',
    norm: { type: 'none' },
    align: 'crop',
    order: 'up-first',
    name: 'same',
    description: '',
  });
  return buildModel(compile(withInputSize(design, [null, null])), { seed: 3 });
}

describe('predictFullSize, same padding', () => {
  it('blended tiles equal one whole-image pass', () => {
    const model = sameUnet();
    const img = image(96, 112, 1);
    const whole = predictFullSize(model, img, { tile: 'off' });
    expect(whole.tiling.tiles).toEqual([1, 1]);
    const tiled = predictFullSize(model, img, { tile: [64, 64] });
    // Half-tile overlap by default; the last tile ends flush with the image.
    expect(tiled.tiling).toMatchObject({ tiles: [2, 3], overlap: [32, 32] });
    const rows = planAxis(96, 64, 64, 32, 4);
    const cols = planAxis(112, 64, 64, 32, 4);
    expect(cols.starts).toEqual([0, 32, 48]);
    // The seams: the bands where neighbouring tiles overlap and are blended.
    const inSeam = (v: number, plan: AxisPlan) =>
      plan.starts.some((s, k) => k > 0 && v >= s && v < plan.starts[k - 1]! + plan.out);
    let all = 0;
    let far = 0;
    let farPixels = 0;
    for (let y = 0; y < 96; y++)
      for (let x = 0; x < 112; x++) {
        const d = Math.abs(tiled.probabilities[y * 112 + x]! - whole.probabilities[y * 112 + x]!);
        all = Math.max(all, d);
        if (inSeam(y, rows) || inSeam(x, cols)) continue;
        far = Math.max(far, d);
        farPixels++;
      }
    expect(farPixels).toBe(64 * 48);
    expect(far).toBeLessThanOrEqual(1e-4);
    expect(all).toBeLessThanOrEqual(1e-3);
    expect(tiled.labels).toHaveLength(96 * 112);
    model.dispose();
  });

  it('steps through the tiles in batches, reporting progress and leaving no tensors', () => {
    const model = sameUnet();
    const img = image(96, 112, 1);
    const tensors = tf.memory().numTensors;
    // 64×64 tiles, 4 per batch within 128×128 pixels: 6 tiles in two steps.
    const steps = predictFullSizeSteps(model, img, { tile: [64, 64], maxPixels: 128 * 128 });
    const progress: { done: number; total: number }[] = [];
    let step = steps.next();
    for (; step.done !== true; step = steps.next()) progress.push(step.value);
    expect(progress).toEqual([
      { done: 4, total: 6 },
      { done: 6, total: 6 },
    ]);
    const one = predictFullSize(model, img, { tile: [64, 64], maxPixels: 64 * 64 });
    let worst = 0;
    step.value.probabilities.forEach((v, i) => {
      worst = Math.max(worst, Math.abs(v - one.probabilities[i]!));
    });
    expect(worst).toBeLessThanOrEqual(1e-5);
    expect(tf.memory().numTensors).toBe(tensors);
    model.dispose();
  });
});

/** The paper's network (original-unet topology: valid convs, 572 → 388) at 1/32 of its width. */
function narrowPaperUnet(size: readonly [number, number]): tf.LayersModel {
  const design = originalUnet.build();
  const nodes = design.model.nodes.map((n) =>
    (n.kind === 'conv' || n.kind === 'upconv') && (n.params.filters ?? 0) > 2
      ? { ...n, params: { ...n.params, filters: Math.max(2, (n.params.filters ?? 0) / 32) } }
      : n,
  ) as typeof design.model.nodes;
  const narrow = withInputSize({ ...design, model: { ...design.model, nodes } }, [...size]);
  return buildModel(compile(narrow), { seed: 4 });
}

describe('predictFullSize, valid padding (overlap-tile)', () => {
  it('predicts a 700×500 image to a 700×500 mask, tiles agreeing with one larger input', () => {
    const model = narrowPaperUnet([572, 572]);
    const img = image(500, 700, 2);
    const tiled = predictFullSize(model, img);
    expect(tiled.tiling).toMatchObject({ input: [572, 572], output: [388, 388], tiles: [2, 2] });
    expect([tiled.height, tiled.width, tiled.classes]).toEqual([500, 700, 2]);
    expect(tiled.labels).toHaveLength(500 * 700);
    // Steps are multiples of the downsampling (16): 384, so both tile rows start at 0 and 384.
    // One 956×956 input (valid: 956 ≡ 12 mod 16) covers both: the image mirrored by the 92 px
    // border on the top and left, and past its end as far as the tiles reach.
    const big = narrowPaperUnet([956, 956]);
    big.setWeights(model.getWeights());
    const input = new Float32Array(956 * 956);
    for (let y = 0; y < 956; y++)
      for (let x = 0; x < 956; x++)
        input[y * 956 + x] = img.data[reflectIndex(y - 92, 500) * 700 + reflectIndex(x - 92, 700)]!;
    const ref = tf.tidy(() => {
      const out = big.predict(tf.tensor4d(input, [1, 956, 956, 1])) as tf.Tensor;
      return tf.softmax(out, -1).dataSync() as Float32Array;
    });
    let worst = 0;
    for (let y = 0; y < 500; y++)
      for (let x = 0; x < 700; x++)
        for (let c = 0; c < 2; c++) {
          const a = tiled.probabilities[(y * 700 + x) * 2 + c]!;
          const b = ref[(y * 772 + x) * 2 + c]!;
          worst = Math.max(worst, Math.abs(a - b));
        }
    expect(worst).toBeLessThanOrEqual(1e-4);
    model.dispose();
    big.dispose();
  }, 120_000);

  it('refuses a tile size the network does not take, naming the sizes it does', () => {
    const model = narrowPaperUnet([572, 572]);
    expect(() => predictFullSize(model, image(100, 100, 1), { tile: [500, 500] })).toThrow(
      /only 572×572/,
    );
    expect(() => predictFullSize(model, image(600, 600, 1), { tile: 'off' })).toThrow(
      /use tiling or resizing/,
    );
    model.dispose();
  });
});
