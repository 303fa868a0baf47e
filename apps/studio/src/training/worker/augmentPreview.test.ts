import { AUGMENT_OFF, type AugmentSpec } from '@unet-studio/compiler';
import type { SegmentationData } from '@unet-studio/runtime';
import { describe, expect, it } from 'vitest';
import type { AugmentPreviewRequest } from '../augmentProtocol';
import { augmentPreview } from './augmentPreview';

const spec: AugmentSpec = {
  ...AUGMENT_OFF,
  flip: { enabled: true, strength: 0.5 },
  rotate: { enabled: true, strength: 30 },
  elastic: { enabled: true, strength: 10 },
};

/** Own images whose mask is drawn from the image: bright square = foreground. */
function own(): SegmentationData {
  const n = 3;
  const x = new Float32Array(n * 24 * 24);
  for (let i = 0; i < n; i++)
    for (let y = 0; y < 24; y++)
      for (let c = 0; c < 24; c++) {
        const inside = y >= 3 + i && y < 14 + i && c >= 2 && c < 10 + 2 * i;
        x[i * 576 + y * 24 + c] = inside ? 1 : 0;
      }
  return {
    count: n,
    inputShape: [24, 24, 1],
    targetShape: [24, 24, 1],
    classes: 1,
    x,
    y: Float32Array.from(x),
  };
}

const request = (over: Partial<AugmentPreviewRequest> = {}): AugmentPreviewRequest => ({
  type: 'augment-preview',
  id: 1,
  spec,
  seed: 0,
  draw: 1,
  source: 'images',
  size: [24, 24],
  channels: 1,
  classes: 1,
  ...over,
});

describe('augmentation preview', () => {
  it('moves image and mask together: bright augmented pixels are the mask’s foreground', () => {
    const result = augmentPreview(request(), own());
    expect(result.samples).toHaveLength(3);
    for (const s of result.samples) {
      let agree = 0;
      for (let p = 0; p < 576; p++)
        if (s.image.rgba[p * 4]! > 127 === s.mask.rgba[p * 4]! > 127) agree++;
      expect(agree / 576).toBeGreaterThan(0.97);
    }
  });

  it('draws anew for another draw or seed, and the same for the same ones', () => {
    const a = augmentPreview(request(), own()).samples[0]!.mask.rgba;
    expect(augmentPreview(request(), own()).samples[0]!.mask.rgba).toEqual(a);
    expect(augmentPreview(request({ draw: 2 }), own()).samples[0]!.mask.rgba).not.toEqual(a);
    expect(augmentPreview(request({ seed: 9 }), own()).samples[0]!.mask.rgba).not.toEqual(a);
  });

  it('uses synthetic samples of the run’s size without own images, and says why it cannot', () => {
    const synthetic = augmentPreview(request({ source: 'synthetic', size: [20, 28] }), null);
    expect(synthetic.samples[0]?.image).toMatchObject({ height: 20, width: 28 });
    expect(augmentPreview(request(), null).message).toBe('No own images are loaded.');
    expect(augmentPreview(request({ source: 'synthetic', size: [32] }), null).message).toMatch(
      /2D images only/,
    );
  });
});
