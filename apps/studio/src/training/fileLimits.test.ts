import { describe, expect, it } from 'vitest';
import { checkTrainingFiles, MAX_TRAINING_FILE_BYTES } from './fileLimits';

const f = (path: string, size: number) => ({ path, file: { size } });

describe('training file limits', () => {
  it('accepts files within the limits', () => {
    expect(checkTrainingFiles([f('a.png', 1000), f('a_mask.png', MAX_TRAINING_FILE_BYTES)])).toBe(
      null,
    );
  });

  it('refuses one file above the per-file limit, naming it and the limit', () => {
    const message = checkTrainingFiles([f('ok.png', 10), f('big/huge.tif', 300 * 1024 * 1024)]);
    expect(message).toMatch(/^big\/huge\.tif is 300 MiB, above the 256 MiB limit/);
    expect(message).toMatch(/nothing was read/);
  });

  it('refuses a folder whose total is above the total limit', () => {
    const files = Array.from({ length: 10 }, (_, i) => f(`${i}.png`, 250 * 1024 * 1024));
    expect(checkTrainingFiles(files)).toMatch(/^The 10 files hold 2\.44 GiB, above the 2\.00 GiB/);
  });
});
