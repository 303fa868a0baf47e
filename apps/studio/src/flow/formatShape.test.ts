import { describe, expect, it } from 'vitest';
import { formatCount, formatDim, formatShape } from './formatShape';

describe('formatShape', () => {
  it('writes concrete shapes channels first', () => {
    expect(formatShape({ channels: 64, spatial: [284, 284] })).toBe('64×284×284');
    expect(formatShape({ channels: 12, spatial: [256] })).toBe('12×256');
  });

  it('writes symbolic sizes as short expressions', () => {
    expect(formatDim({ sym: 'H', a: [1, 1], b: [0, 1] })).toBe('H');
    expect(formatDim({ sym: 'H', a: [1, 16], b: [0, 1] })).toBe('H/16');
    expect(formatDim({ sym: 'W', a: [2, 1], b: [0, 1] })).toBe('2W');
    expect(formatDim({ sym: 'H', a: [1, 1], b: [-4, 1] })).toBe('H−4');
    expect(formatDim({ sym: 'L', a: [3, 2], b: [1, 2] })).toBe('3L/2+1/2');
  });

  it('shortens counts', () => {
    expect(formatCount(31_037_633)).toBe('31.0M');
    expect(formatCount(1234)).toBe('1.23k');
    expect(formatCount(950)).toBe('950');
  });
});
