import { describe, expect, it } from 'vitest';
import {
  imageToInput,
  maskToLabels,
  resizeBilinear,
  resizeNearest,
  type DecodedImage,
} from './imageOps';

const rgba = (
  w: number,
  h: number,
  f: (x: number, y: number) => [number, number, number],
): DecodedImage => {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) data.set([...f(x, y), 255], (y * w + x) * 4);
  return { width: w, height: h, data };
};

describe('resizeBilinear', () => {
  it('halves a ramp by averaging pixel pairs (half-pixel centres)', () => {
    const out = resizeBilinear(
      rgba(4, 1, (x) => [x * 60, 0, 0]),
      2,
      1,
    );
    expect([out.data[0], out.data[4]]).toEqual([30, 150]);
  });

  it('keeps a constant image constant when upsizing', () => {
    const out = resizeBilinear(
      rgba(3, 2, () => [7, 8, 9]),
      7,
      5,
    );
    expect(new Set(Array.from({ length: 35 }, (_, p) => out.data[p * 4 + 1]))).toEqual(
      new Set([8]),
    );
  });
});

describe('resizeNearest', () => {
  it('keeps label values (no blending)', () => {
    const labels = Uint8Array.from([0, 1, 2, 3]);
    expect(Array.from(resizeNearest(labels, 4, 1, 8, 1))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(Array.from(resizeNearest(labels, 2, 2, 1, 1))).toEqual([3]);
  });
});

describe('imageToInput', () => {
  it('scales to [0, 1] as grey, RGB or RGBA', () => {
    const img = rgba(1, 1, () => [255, 0, 51]);
    expect(Array.from(imageToInput(img, 3)).map((v) => +v.toFixed(3))).toEqual([1, 0, 0.2]);
    expect(imageToInput(img, 1)[0]).toBeCloseTo((0.299 * 255 + 0.114 * 51) / 255, 5);
    expect(imageToInput(img, 4)).toHaveLength(4);
  });
});

describe('maskToLabels', () => {
  it('reads 0/255 and 0/1 binary masks, and class indices', () => {
    expect(
      maskToLabels(
        rgba(3, 1, (x) => [[0, 128, 255][x]!, 0, 0]),
        'binary',
        1,
      ),
    ).toEqual({ labels: Uint8Array.from([0, 1, 1]) });
    expect(
      maskToLabels(
        rgba(2, 1, (x) => [x, x, x]),
        'binary',
        1,
      ),
    ).toEqual({ labels: Uint8Array.from([0, 1]) });
    expect(
      maskToLabels(
        rgba(2, 1, (x) => [x * 2, x * 2, x * 2]),
        'indices',
        3,
      ),
    ).toEqual({ labels: Uint8Array.from([0, 2]) });
    expect(
      maskToLabels(
        rgba(1, 1, () => [255, 255, 255]),
        'indices',
        3,
      ),
    ).toEqual({ error: 'mask holds value 255, not a class index below 3' });
  });
});
