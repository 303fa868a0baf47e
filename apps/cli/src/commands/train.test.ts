import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness';
import { runCommand } from '../../test/runCommand';
import { trainCommand } from './train';

describe('unet-studio train', () => {
  it('trains a template on synthetic data, saves it, and ends with the JSON summary', async () => {
    const dir = tempDir();
    const r = await runCommand(
      trainCommand,
      [
        'template:tiny',
        '--data',
        'synthetic',
        '--epochs',
        '2',
        '--samples',
        '40',
        '--lr',
        '0.003',
        '--json',
        '-o',
        'model',
      ],
      dir,
    );
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const summary = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(Object.keys(summary)).toEqual([
      'epochs',
      'loss',
      'valDice',
      'valIoU',
      'seconds',
      'backend',
    ]);
    expect(summary).toMatchObject({ epochs: 2, backend: 'wasm' });
    expect(summary.valDice).toBeTypeOf('number');
    expect(r.err).toContain('data: 40 synthetic images (shapes on noise), 32×32×3, binary');
    expect(r.err).toMatch(/epoch 2\/2 {2}loss [0-9.]+ {2}dice [0-9.]+ {2}val loss/);
    expect(
      r.progress.some((p) =>
        /^epoch 1\/2 batch 1\/4 {2}loss [0-9.]+ {2}dice [0-9.]+ {2}[0-9.]+ img\/s {2}ETA /.test(p),
      ),
    ).toBe(true);
    expect(existsSync(join(dir, 'model', 'model.json'))).toBe(true);
  }, 120_000);

  it('prints the final metrics line without --json', async () => {
    const r = await runCommand(trainCommand, [
      'template:tiny',
      '--epochs',
      '1',
      '--samples',
      '16',
      '--size',
      '16',
      '--batch',
      '4',
    ]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').at(-1)).toMatch(
      /^trained 1 epoch\(s\) in \d+s on wasm: loss [0-9.]+, val Dice [0-9.]+, val IoU [0-9.]+$/,
    );
    expect(r.out).toContain('16×16×3');
  }, 60_000);

  it('rejects bad options and missing data with a clear message', async () => {
    const bad = await runCommand(trainCommand, ['template:tiny', '--loss', 'hinge', '--lr', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--lr must be a number in (0, 10), got "0"');
    expect(bad.err).toContain('--loss must be one of bce');
    const missing = await runCommand(
      trainCommand,
      ['template:tiny', '--data', 'no-such-folder'],
      tempDir(),
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no-such-folder: no such folder');
    const unknown = await runCommand(trainCommand, ['template:nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown template "nope"');
  });
});
