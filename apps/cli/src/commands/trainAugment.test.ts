import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness';
import { runCommand } from '../../test/runCommand';
import { trainCommand } from './train';

describe('unet-studio train --augment', () => {
  it('trains with the listed families on, at their default strengths', async () => {
    const r = await runCommand(
      trainCommand,
      [
        'template:tiny',
        '--epochs',
        '1',
        '--samples',
        '16',
        '--augment',
        'flip,rotate,elastic',
        '--json',
      ],
      tempDir(),
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain('augmentation: flip 0.5, rotate 15, elastic 10');
    expect(JSON.parse(r.out.trim().split('\n').at(-1)!)).toMatchObject({ epochs: 1 });
  }, 120_000);

  it('refuses unknown families and strengths out of range before training', async () => {
    const unknown = await runCommand(
      trainCommand,
      ['template:tiny', '--augment', 'flip,wobble'],
      tempDir(),
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown augmentation "wobble"');
    const tooMuch = await runCommand(
      trainCommand,
      ['template:tiny', '--augment', 'rotate=400'],
      tempDir(),
    );
    expect(tooMuch.code).toBe(2);
    expect(tooMuch.err).toContain('--augment rotate: strength');
  }, 60_000);
});
