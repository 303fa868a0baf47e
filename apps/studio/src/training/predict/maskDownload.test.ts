import { describe, expect, it } from 'vitest';
import { maskFileName } from './maskDownload';

describe('the mask file name', () => {
  it('is the image name with -mask.png', () => {
    expect(maskFileName('big.png')).toBe('big-mask.png');
    expect(maskFileName('scan.2024.tiff')).toBe('scan.2024-mask.png');
    expect(maskFileName('noext')).toBe('noext-mask.png');
    expect(maskFileName('.png')).toBe('image-mask.png');
  });
});
