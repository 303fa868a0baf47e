import { describe, expect, it } from 'vitest';
import {
  actualSize,
  fitView,
  imagePixelAt,
  MAX_SCALE,
  MIN_SCALE,
  panBy,
  wheelFactor,
  zoomAt,
} from './viewportMath';

const box = { width: 400, height: 300 };
const image = { width: 1000, height: 700 };

describe('viewport zoom and pan', () => {
  it('fits a large image whole and centred, and never enlarges a small one', () => {
    const v = fitView(image, box);
    expect(v.scale).toBeCloseTo(0.4);
    expect(v.x).toBeCloseTo(0);
    expect(v.y).toBeCloseTo((300 - 280) / 2);
    expect(fitView({ width: 50, height: 40 }, box)).toEqual({ scale: 1, x: 175, y: 130 });
  });

  it('zooms about the pointer: the pixel under it stays under it', () => {
    const v = fitView(image, box);
    const before = imagePixelAt(v, image, 123, 77);
    const z = zoomAt(v, 3, 123, 77);
    expect(z.scale).toBeCloseTo(1.2);
    expect(imagePixelAt(z, image, 123, 77)).toEqual(before);
  });

  it('keeps the zoom within its bounds', () => {
    const v = { scale: 1, x: 0, y: 0 };
    expect(zoomAt(v, 1e6, 0, 0).scale).toBe(MAX_SCALE);
    expect(zoomAt(v, 1e-9, 0, 0).scale).toBe(MIN_SCALE);
    expect(zoomAt(v, Number.NaN, 0, 0).scale).toBe(1);
  });

  it('shows 100 % about the centre of the box', () => {
    const v = fitView(image, box);
    const centre = imagePixelAt(v, image, 200, 150);
    const a = actualSize(v, box);
    expect(a.scale).toBe(1);
    expect(imagePixelAt(a, image, 200, 150)).toEqual(centre);
  });

  it('pans by the drag distance', () => {
    expect(panBy({ scale: 2, x: 10, y: 20 }, -30, 5)).toEqual({ scale: 2, x: -20, y: 25 });
  });

  it('turns a wheel notch up into a zoom in, down into a zoom out, and bounds a huge delta', () => {
    expect(wheelFactor(-100)).toBeCloseTo(1.1);
    expect(wheelFactor(100)).toBeCloseTo(1 / 1.1);
    expect(wheelFactor(1e9)).toBeCloseTo(Math.pow(1.1, -5));
  });

  it('finds no pixel outside the image', () => {
    expect(imagePixelAt({ scale: 1, x: 0, y: 0 }, image, -1, 5)).toBeNull();
    expect(imagePixelAt({ scale: 1, x: 0, y: 0 }, image, 999, 699)).toEqual({ x: 999, y: 699 });
  });
});
