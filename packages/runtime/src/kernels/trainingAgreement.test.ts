/**
 * Training with U-Net Studio's kernels agrees with training on tfjs's reference implementation:
 * the same small U-Net, from the same seed, trained for a few Adam steps on wasm with every
 * kernel of this folder and on tfjs's cpu backend with only tfjs's own kernels and graphs.
 */
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { seededValues } from '../../test/gradCases';
import { initBackend } from '../backend/initBackend';
import { buildModel } from '../build/buildModel';
import { compiledFromOps, mk, open, sym } from '../build/testOps';
import { withTfjsKernels } from './registerTrainingKernels';

afterAll(async () => {
  await tf.setBackend('cpu');
});

const STEPS = 6;
// float32 everywhere, sums in different orders (float64 in the fused batch norm, XNNPACK's
// blocked float32 in the convolutions): after six Adam steps the losses agree to 1e-5 relative
// (about 3e-7 when this was written), while each step lowers the loss by 5 to 10 %.
const RELATIVE_TOLERANCE = 1e-5;

/** Two levels: conv–BN–ReLU, max-pool, conv–BN–ReLU, transposed conv, concat, conv–BN–ReLU, 1×1. */
function tinyUnet() {
  const [H, W, h, w] = [sym('H'), sym('W'), sym('H', 1, 2), sym('W', 1, 2)];
  return compiledFromOps([
    mk.input('in/x', open(3, H, W)),
    mk.conv('e/conv', 'in/x', open(8, H, W), 3, { bias: false }),
    mk.norm('e/bn', 'e/conv', open(8, H, W)),
    mk.activation('e/relu', 'e/bn', open(8, H, W)),
    mk.pool('p/pool', 'e/relu', open(8, h, w)),
    mk.conv('m/conv', 'p/pool', open(16, h, w), 8, { bias: false }),
    mk.norm('m/bn', 'm/conv', open(16, h, w)),
    mk.activation('m/relu', 'm/bn', open(16, h, w)),
    mk.convTranspose('u/up', 'm/relu', open(8, H, W), 16),
    mk.concat('s/cat', ['e/relu', 'u/up'], open(16, H, W)),
    mk.conv('d/conv', 's/cat', open(8, H, W), 16, { bias: false }),
    mk.norm('d/bn', 'd/conv', open(8, H, W)),
    mk.activation('d/relu', 'd/bn', open(8, H, W)),
    mk.conv('head/conv', 'd/relu', open(1, H, W), 8, { kernel: [1, 1] }),
    mk.output('out/y', 'head/conv', open(1, H, W)),
  ]);
}

/** The loss before each of STEPS Adam steps (BCE with logits, batch 3 of 12×10×3). */
function losses(): number[] {
  const model = buildModel(tinyUnet(), { seed: 11 });
  const x = tf.tensor4d(seededValues(3 * 12 * 10 * 3, 1), [3, 12, 10, 3]);
  const y = tf.tensor4d(
    seededValues(3 * 12 * 10, 2).map((v) => (v > 0 ? 1 : 0)),
    [3, 12, 10, 1],
  );
  const optimizer = tf.train.adam(1e-2);
  const out: number[] = [];
  for (let i = 0; i < STEPS; i++) {
    const loss = optimizer.minimize(
      () => tf.losses.sigmoidCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor),
      true,
    );
    out.push(loss!.dataSync()[0]!);
    loss!.dispose();
  }
  optimizer.dispose();
  tf.dispose([x, y]);
  model.dispose();
  return out;
}

describe('training agreement', () => {
  it(
    `wasm with U-Net Studio's kernels trains like tfjs's cpu reference for ${STEPS} steps`,
    {
      timeout: 60_000,
    },
    async () => {
      await initBackend('cpu');
      const reference = await withTfjsKernels('cpu', async () => {
        const model = buildModel(tinyUnet(), { seed: 11 });
        const profile = await tf.profile(() =>
          tf.dispose(model.apply(tf.zeros([1, 4, 4, 3]), { training: true }) as tf.Tensor),
        );
        model.dispose();
        // The reference really is tfjs's graph: its batch norm, not the fused kernels.
        expect(profile.kernelNames).toContain('FusedBatchNorm');
        expect(profile.kernelNames).not.toContain('UnetStudioBatchNormTraining');
        return losses();
      });
      await initBackend('wasm');
      const ours = losses();
      expect(reference[STEPS - 1]).toBeLessThan(reference[0]! * 0.9);
      ours.forEach((loss, i) => {
        expect(Math.abs(loss - reference[i]!) / reference[i]!).toBeLessThanOrEqual(
          RELATIVE_TOLERANCE,
        );
      });
    },
  );
});
