import { describe, expect, it } from 'vitest';
import { MIN_TEXT_PX, NODE_FONT_PX, READABLE_ZOOM, readableView } from './readableFit';

const input = { x: 0, y: 0, width: 180, height: 90 };

describe('readableView', () => {
  it('never zooms out below readable node text', () => {
    expect(NODE_FONT_PX * READABLE_ZOOM).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    const v = readableView({ x: 0, y: 0, width: 5000, height: 1200 }, input, 1000, 800);
    expect(v.zoom).toBe(READABLE_ZOOM);
  });

  it('starts at the input when the whole design does not fit', () => {
    const v = readableView({ x: 0, y: 0, width: 5000, height: 1200 }, input, 1000, 800);
    // The input's top-left corner lands a margin inside the screen's top-left corner.
    expect(v.x).toBeCloseTo(100);
    expect(v.y).toBeCloseTo(80);
  });

  it('centres a design that fits, at no more than 100 %', () => {
    const v = readableView({ x: 0, y: 0, width: 400, height: 200 }, input, 1000, 800);
    expect(v.zoom).toBe(1);
    expect(v.x).toBeCloseTo(300);
    expect(v.y).toBeCloseTo(300);
  });

  it('zooms out just enough to fit a design that fits at a readable zoom', () => {
    const v = readableView({ x: 0, y: 0, width: 840, height: 300 }, input, 1000, 800);
    expect(v.zoom).toBeCloseTo(800 / 840);
    expect(v.zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
  });
});
