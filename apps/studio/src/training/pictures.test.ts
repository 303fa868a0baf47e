import { describe, expect, it } from 'vitest';
import {
  foregroundShare,
  inputPicture,
  maskPicture,
  overlayPicture,
  targetLabels,
} from './pictures';

describe('pictures', () => {
  it('stretches a grey input to 0…255', () => {
    const p = inputPicture(Float32Array.from([0.2, 0.4, 0.6, 0.2]), 2, 2, 1);
    expect(Array.from(p.rgba.slice(0, 4))).toEqual([0, 0, 0, 255]);
    expect(Array.from(p.rgba.slice(8, 12))).toEqual([255, 255, 255, 255]);
  });

  it('reads labels from one-hot and from one-channel targets', () => {
    expect(Array.from(targetLabels([0, 1, 0.2, 0.9], 4, 1))).toEqual([0, 1, 0, 1]);
    expect(Array.from(targetLabels([1, 0, 0, 0, 0, 1], 2, 3))).toEqual([0, 2]);
  });

  it('draws a mask black and white and overlays only the foreground', () => {
    const mask = maskPicture([0, 1], 1, 2);
    expect(Array.from(mask.rgba)).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    const image = inputPicture([0, 1], 1, 2, 1);
    const over = overlayPicture(image, [1, 0]);
    expect(over.rgba[0]).toBeGreaterThan(100);
    expect(Array.from(over.rgba.slice(4, 8))).toEqual([255, 255, 255, 255]);
  });

  it('counts the foreground share', () => {
    expect(foregroundShare([0, 1, 2, 0])).toBe(0.5);
    expect(foregroundShare([])).toBe(0);
  });
});
