import { describe, expect, it } from 'vitest';
import { dictionary } from './dictionary';

describe('dictionary', () => {
  it('keeps hostile ids as ordinary keys', () => {
    const d = dictionary([
      ['__proto__', 1],
      ['constructor', 2],
      ['a', 3],
    ]);
    expect(Object.keys(d)).toEqual(['__proto__', 'constructor', 'a']);
    expect(d.__proto__).toBe(1);
    expect('toString' in d).toBe(false);
    expect(JSON.stringify(d)).toBe('{"__proto__":1,"constructor":2,"a":3}');
  });
});
