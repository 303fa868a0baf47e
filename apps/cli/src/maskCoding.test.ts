import { describe, expect, it } from 'vitest';
import { readMaskCoding } from './maskCoding';

describe('readMaskCoding', () => {
  it('takes values, voc and rgb, values by default, and names a wrong one', () => {
    expect(readMaskCoding(undefined)).toEqual({ coding: 'values' });
    expect(readMaskCoding('voc')).toEqual({ coding: 'voc' });
    expect(readMaskCoding('rgb')).toEqual({ coding: 'rgb' });
    expect(readMaskCoding('hsv')).toEqual({
      error: '--masks must be values, voc or rgb, got "hsv"',
    });
  });
});
