import { describe, expect, it } from 'vitest';
import { splitPaths, splitSetOf } from './splitPaths';

describe('splitPaths', () => {
  it('groups files by their train/, val/ (validation/, valid/) and test/ folders', () => {
    const split = splitPaths([
      'set/train/images/a.png',
      'set/train/masks/a.png',
      'set/Validation/images/b.png',
      'set/test/c.png',
      'set/README.png',
    ]);
    expect(split).toEqual({
      train: ['set/train/images/a.png', 'set/train/masks/a.png'],
      val: ['set/Validation/images/b.png'],
      test: ['set/test/c.png'],
      outside: ['set/README.png'],
    });
  });

  it('is null without a train/ folder, and file names never count as folders', () => {
    expect(splitPaths(['set/images/train.png', 'set/val/a.png'])).toBeNull();
    expect(splitSetOf('train')).toBeNull();
    expect(splitSetOf('a\\valid\\x.png')).toBe('val');
  });
});
