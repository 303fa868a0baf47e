import { describe, expect, it } from 'vitest';
import { formatBytes } from './formatBytes';

describe('formatBytes', () => {
  it('prints binary units with three significant digits', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12 * 1024)).toBe('12.0 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MiB');
    expect(formatBytes(1.5 * 1024 ** 3)).toBe('1.50 GiB');
    expect(formatBytes(2 * 1024 ** 4)).toBe('2.00 TiB');
  });

  it('says GiB where a decimal formatter would say GB', () => {
    // 1.27 GB in decimal units is 1.18 GiB: the same model reads the same everywhere.
    expect(formatBytes(1_267_079_360)).toBe('1.18 GiB');
  });

  it('never prints an exponent just below the next unit, nor a fraction of a byte', () => {
    expect(formatBytes(1023.9 * 1024)).toBe('1024 KiB');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(0)).toBe('0 B');
  });

  it('prints ? for a size that depends on an open input', () => {
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe('?');
    expect(formatBytes(Number.NaN)).toBe('?');
  });
});
