import { describe, expect, it } from 'vitest';
import { checkAllocation, formatBytes, MAX_ARRAY_VALUES } from './allocation';
import { syntheticFor } from './syntheticFor';

describe('checkAllocation', () => {
  it('names the data, its shape, its bytes and the limit instead of "Invalid typed array length"', () => {
    expect(() => syntheticFor({ size: [2000, 2000], channels: 3, classes: 1 }, 2000)).toThrow(
      'the synthetic data set is 2000×2000×2000×3 = 24000000000 values (89.4 GiB), above the limit of 1073741824 values (4 GiB) per array',
    );
  });

  it('passes sizes within the limit and formats sizes in words', () => {
    expect(() => checkAllocation('x', [MAX_ARRAY_VALUES])).not.toThrow();
    expect(() => checkAllocation('x', [MAX_ARRAY_VALUES + 1])).toThrow(/^x is 1073741825 = /);
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(5 * 1024 ** 4)).toBe('5 TiB');
  });
});
