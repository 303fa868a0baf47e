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
    // The per-image report on the validation share (16 × 0.2 ≈ 3 images), worst first.
    expect(r.err).toContain('worst 3 of 3 images (Dice, IoU):');
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

  it('weighs classes by inverse frequency with a weighted loss, and says when the loss is not', async () => {
    const r = await runCommand(
      trainCommand,
      [
        'template:tiny',
        '--epochs',
        '1',
        '--samples',
        '16',
        '--loss',
        'weighted_bce',
        '--class-weights',
        'inverse',
      ],
      tempDir(),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/class weights: [0-9.]+, [0-9.]+/);
    const plain = await runCommand(
      trainCommand,
      ['template:tiny', '--samples', '16', '--class-weights', '1,4'],
      tempDir(),
    );
    expect(plain.code).toBe(2);
    expect(plain.err).toContain('--class-weights needs --loss weighted_bce or weighted_ce');
  }, 120_000);
});
