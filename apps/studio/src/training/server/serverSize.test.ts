import { findTemplate, withInputSize } from '@unet-studio/compiler';
import { describe, expect, it } from 'vitest';
import { serverRunSize } from './serverSize';

describe('serverRunSize', () => {
  const tiny = findTemplate('tiny')!.build();

  it('sends the studio training size for a design that leaves its input size open', () => {
    expect(serverRunSize(withInputSize(tiny, [null, null]), [96, 128])).toEqual([96, 128]);
  });

  it('sends nothing for a design with a fixed input size (the server uses it as it is)', () => {
    expect(serverRunSize(tiny, [96, 128])).toBeUndefined();
  });
});
