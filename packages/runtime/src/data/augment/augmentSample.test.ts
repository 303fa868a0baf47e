import { AUGMENT_FAMILIES, AUGMENT_OFF, type AugmentSpec } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { augmentSample, type AugmentSample } from './augmentSample';

const H = 48;
const W = 48;

/** A smooth image (two soft blobs, slope ≤ 0.05 per pixel) and its mask: image > 0.5. */
function blobs(height = H, width = W): AugmentSample {
  const image = new Float32Array(height * width);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const a = Math.hypot(x - 14, y - 16) / 18;
      const b = Math.hypot(x - 34, y - 30) / 12;
      image[y * width + x] = Math.max(0, 1 - a * 0.9) * 0.8 + Math.max(0, 1 - b) * 0.5;
    }
  return {
    height,
    width,
    channels: 1,
    image,
    targetChannels: 1,
    target: image.map((v) => (v > 0.5 ? 1 : 0)),
  };
}

const only = (family: keyof AugmentSpec, strength?: number): AugmentSpec => ({
  ...AUGMENT_OFF,
  [family]: { enabled: true, strength: strength ?? AUGMENT_OFF[family].strength },
});

/** Pixels where the augmented mask disagrees with the threshold of the augmented image, away from the 0.5 level. */
function misaligned(s: AugmentSample, level = 0.5, margin = 0.08): number {
  let bad = 0;
  for (let p = 0; p < s.image.length; p++) {
    const v = s.image[p]!;
    if (Math.abs(v - level) < margin) continue;
    if ((v > level ? 1 : 0) !== s.target[p]) bad++;
  }
  return bad;
}

const GEOMETRIC = ['flip', 'rotate90', 'rotate', 'scale', 'crop', 'elastic'] as const;

describe('augmentSample', () => {
  it.each(GEOMETRIC)('%s moves the mask with the image', (family) => {
    const sample = blobs();
    let moved = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const out = augmentSample(sample, only(family, family === 'rotate' ? 40 : undefined), seed);
      expect(misaligned(out)).toBe(0);
      expect(out.target.every((v) => v === 0 || v === 1)).toBe(true);
      if (out.target.some((v, i) => v !== sample.target[i])) moved++;
    }
    // The family does something: most draws change the mask.
    expect(moved).toBeGreaterThanOrEqual(3);
  });

  it('keeps alignment with every geometric family on at once, on a non-square sample', () => {
    const sample = blobs(40, 56);
    const spec = { ...AUGMENT_OFF };
    for (const f of GEOMETRIC) spec[f] = { enabled: true, strength: AUGMENT_OFF[f].strength };
    for (let seed = 1; seed <= 5; seed++) {
      const out = augmentSample(sample, spec, seed);
      expect(out.image.length).toBe(40 * 56);
      expect(misaligned(out)).toBe(0);
    }
  });

  it('changes intensities monotonically and leaves the mask as it was', () => {
    const sample = blobs();
    for (const family of ['brightness', 'contrast', 'gamma'] as const) {
      const out = augmentSample(sample, only(family), 3);
      expect(out.target).toEqual(sample.target);
      expect(out.image).not.toEqual(sample.image);
      // Order preserved: the brightest and darkest pixels stay the brightest and darkest.
      const argmax = (a: Float32Array) => a.indexOf(Math.max(...a));
      expect(argmax(out.image)).toBe(argmax(sample.image));
    }
    const noisy = augmentSample(sample, only('noise', 0.2), 3);
    expect(noisy.target).toEqual(sample.target);
    const diff = noisy.image.map((v, i) => v - sample.image[i]!);
    const mean = diff.reduce((a, b) => a + b, 0) / diff.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
  });

  it('flips and quarter turns are exact permutations of the pixels', () => {
    const sample = blobs();
    const out = augmentSample(sample, only('rotate90', 1), 5);
    expect([...out.image].sort()).toEqual([...sample.image].sort());
  });

  it('moves weight maps and one-hot targets by nearest neighbour', () => {
    const base = blobs();
    const target = new Float32Array(H * W * 3);
    base.target.forEach((v, p) => (target[p * 3 + (v ? 2 : 0)] = 1));
    const sample = { ...base, target, targetChannels: 3, weights: base.image.map((v) => 1 + v) };
    const out = augmentSample(sample, only('elastic'), 9);
    for (let p = 0; p < H * W; p++) {
      const hot = out.target.subarray(p * 3, p * 3 + 3);
      expect(hot.reduce((a, b) => a + b, 0)).toBe(1);
    }
    const allowed = new Set(sample.weights);
    expect(out.weights!.every((v) => allowed.has(v))).toBe(true);
  });

  it('is reproducible: the same seed gives the same sample, another seed another', () => {
    const sample = blobs();
    const spec = { ...AUGMENT_OFF };
    for (const f of AUGMENT_FAMILIES)
      spec[f] = { enabled: true, strength: AUGMENT_OFF[f].strength };
    const a = augmentSample(sample, spec, 42);
    const b = augmentSample(sample, spec, 42);
    const c = augmentSample(sample, spec, 43);
    expect(b.image).toEqual(a.image);
    expect(b.target).toEqual(a.target);
    expect(c.image).not.toEqual(a.image);
  });

  it('leaves the sample unchanged with every family off', () => {
    const sample = blobs();
    const out = augmentSample(sample, AUGMENT_OFF, 1);
    expect(out.image).toEqual(sample.image);
    expect(out.target).toEqual(sample.target);
  });
});
