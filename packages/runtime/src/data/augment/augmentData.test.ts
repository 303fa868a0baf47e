import { AUGMENT_OFF } from '@unet-studio/compiler';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallUnet } from '../../../test/smallUnet';
import { initBackend } from '../../backend/initBackend';
import { train } from '../../train/train';
import { makeSyntheticShapes } from '../synthetic';
import { augmentData, makeAugmenter, type AugmentAt } from './augmentData';

beforeAll(async () => {
  await initBackend('cpu');
});

const shapes = makeSyntheticShapes({ count: 12, size: [16, 16], seed: 3 });
const flipsAndElastic = {
  ...AUGMENT_OFF,
  flip: { enabled: true, strength: 0.5 },
  elastic: { enabled: true, strength: 3 },
};

describe('augmentData', () => {
  it('gives a sample the same draw whatever batch it lands in', () => {
    const all = augmentData(shapes, flipsAndElastic, 7, {
      epoch: 2,
      indices: [...Array(12).keys()],
    });
    const three = augmentData(
      {
        ...shapes,
        count: 1,
        x: shapes.x.subarray(3 * 768, 4 * 768),
        y: shapes.y.subarray(3 * 256, 4 * 256),
        names: undefined,
      },
      flipsAndElastic,
      7,
      { epoch: 2, indices: [3] },
    );
    expect(three.x).toEqual(all.x.subarray(3 * 768, 4 * 768));
    expect(three.y).toEqual(all.y.subarray(3 * 256, 4 * 256));
    const nextEpoch = augmentData(shapes, flipsAndElastic, 7, {
      epoch: 3,
      indices: [...Array(12).keys()],
    });
    expect(nextEpoch.x).not.toEqual(all.x);
  });

  it('is off when no family is on, and refuses 1D data', () => {
    expect(makeAugmenter(AUGMENT_OFF, 1)).toBeNull();
    const signals = { ...shapes, inputShape: [256, 3], targetShape: [256, 1] };
    expect(() => augmentData(signals, flipsAndElastic, 1)).toThrow(/2D images/);
  });

  it('is applied by train to every training batch, with each sample index', async () => {
    const model = smallUnet({ size: [16, 16], channels: 3, classes: 1, features: [4, 8] });
    const calls: AugmentAt[] = [];
    const augmenter = makeAugmenter(flipsAndElastic, 5)!;
    const history = await train(model, shapes, {
      epochs: 2,
      batchSize: 4,
      validationSplit: 0.25,
      augment: (batch, at) => {
        calls.push(at);
        return augmenter(batch, at);
      },
    });
    expect(history.status).toBe('completed');
    // 9 training samples in batches of 4: 3 batches per epoch, every sample once per epoch.
    expect(calls.map((c) => c.epoch)).toEqual([1, 1, 1, 2, 2, 2]);
    const epoch1 = calls.slice(0, 3).flatMap((c) => c.indices);
    expect([...epoch1].sort((a, b) => a - b)).toEqual([...Array(9).keys()]);
    model.dispose();
  }, 60_000);
});
