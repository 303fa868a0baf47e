import { describe, expect, it } from 'vitest';
import { symDim } from './dimMath';
import { formatShape, shapeElements, shapeEq, spatialEq } from './shapeOps';

describe('shape helpers', () => {
  it('formats channels first', () => {
    expect(formatShape({ channels: 64, spatial: [284, 284] })).toBe('64×284×284');
    expect(formatShape({ channels: 4, spatial: [symDim('L')] })).toBe('4×L');
  });

  it('compares shapes and counts elements (NaN when open)', () => {
    expect(shapeEq({ channels: 2, spatial: [3, 4] }, { channels: 2, spatial: [3, 4] })).toBe(true);
    expect(spatialEq({ channels: 2, spatial: [3, 4] }, { channels: 1, spatial: [3] })).toBe(false);
    expect(shapeElements({ channels: 2, spatial: [3, 4] })).toBe(24);
    expect(shapeElements({ channels: 2, spatial: [symDim('H')] })).toBeNaN();
  });
});
