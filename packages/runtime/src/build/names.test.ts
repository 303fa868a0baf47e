import { describe, expect, it } from 'vitest';
import { LayerNamer, sanitizeLayerName } from './names';

describe('sanitizeLayerName', () => {
  it('turns op ids into tfjs-safe names', () => {
    expect(sanitizeLayerName('enc1/conv0')).toBe('enc1__conv0');
    expect(sanitizeLayerName('dec:2/norm1')).toBe('dec_2__norm1');
    expect(sanitizeLayerName('_skip.3/concat')).toBe('op_skip.3__concat');
  });
});

describe('LayerNamer', () => {
  it('never hands out the same name twice', () => {
    const namer = new LayerNamer();
    expect(namer.name('a/b')).toBe('a__b');
    expect(namer.name('a__b')).toBe('a__b_2');
    expect(namer.name('a:b')).toBe('a_b');
    expect(namer.name('a_b')).toBe('a_b_2');
    expect(namer.name('a/b', 'crop')).toBe('a__b__crop');
  });
});
