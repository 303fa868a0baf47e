import { describe, expect, it } from 'vitest';
import { parseSizeText } from './TotalsHeader';

describe('input size text', () => {
  it('reads one size for both axes, two sizes, and open sizes', () => {
    expect(parseSizeText('572', 2)).toEqual([572, 572]);
    expect(parseSizeText('256 × 128', 2)).toEqual([256, 128]);
    expect(parseSizeText('?, 64', 2)).toEqual([null, 64]);
    expect(parseSizeText('800', 1)).toEqual([800]);
  });

  it('refuses malformed or out-of-range sizes', () => {
    expect(parseSizeText('', 2)).toBeNull();
    expect(parseSizeText('0', 2)).toBeNull();
    expect(parseSizeText('64, 64, 64', 2)).toBeNull();
    expect(parseSizeText('big', 2)).toBeNull();
    expect(parseSizeText('100000', 1)).toBeNull();
  });
});
