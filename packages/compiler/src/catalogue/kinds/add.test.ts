import { describe, expect, it } from 'vitest';
import { lowerKind, shape } from '../../../test/net';

describe('add', () => {
  it('add needs equal shapes', () => {
    expect(
      lowerKind('add', {}, { a: shape(8, 4, 4), b: shape(8, 4, 4) }).result?.ops[0]?.inputs,
    ).toEqual(['src:a', 'src:b']);
    expect(
      lowerKind('add', {}, { a: shape(8, 4, 4), b: shape(8, 4, 5) }).diagnostics[0]?.code,
    ).toBe('SHAPE_MISMATCH');
    expect(
      lowerKind('add', {}, { a: shape(8, 4, 4), b: shape(4, 4, 4) }).diagnostics[0]?.code,
    ).toBe('CHANNEL_MISMATCH');
  });
});
