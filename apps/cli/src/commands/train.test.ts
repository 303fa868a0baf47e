import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeGreyPng } from '@unet-studio/runtime/node';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness';
import { runCommand } from '../../test/runCommand';
import { predictCommand } from './predict';
import { trainCommand } from './train';

const BIN = fileURLToPath(new URL('../../bin/unet-studio.js', import.meta.url));

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
      'workers',
    ]);
    expect(summary).toMatchObject({ epochs: 2, backend: 'wasm', workers: 1 });
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

  it('trains on two threads with --workers 2, exits by itself, and predict loads the model', async () => {
    const dir = tempDir();
    // The real command in its own process: it must end once trained, the workers gone.
    const run = spawnSync(
      process.execPath,
      [
        BIN,
        'train',
        'template:tiny',
        '--workers',
        '2',
        '--epochs',
        '2',
        '--samples',
        '24',
        '--batch',
        '6',
        '--json',
        '-o',
        'model',
      ],
      { cwd: dir, encoding: 'utf8', timeout: 100_000 },
    );
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('workers: 2 threads share each batch (data-parallel)');
    expect(run.stderr).toMatch(/epoch 2\/2 {2}loss [0-9.]+/);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(summary).toMatchObject({ epochs: 2, backend: 'wasm', workers: 2 });
    mkdirSync(join(dir, 'in'));
    writeFileSync(
      join(dir, 'in', 'a.png'),
      encodeGreyPng(new Uint8Array(32 * 32).fill(90), 32, 32),
    );
    const predicted = await runCommand(predictCommand, ['model', 'in', '-o', 'masks'], dir);
    expect(predicted.code).toBe(0);
    expect(existsSync(join(dir, 'masks', 'a.png'))).toBe(true);
  }, 120_000);

  it('rejects bad options and missing data with a clear message', async () => {
    const bad = await runCommand(trainCommand, ['template:tiny', '--loss', 'hinge', '--lr', '0']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--lr must be a number in (0, 10), got "0"');
    expect(bad.err).toContain('--loss must be one of bce');
    for (const [value, message] of [
      ['0', '--workers must be a whole number of at least 1, got "0"'],
      ['17', '--workers must be at most 16, got "17"'],
    ]) {
      const workers = await runCommand(trainCommand, ['template:tiny', '--workers', value!]);
      expect(workers.code).toBe(2);
      expect(workers.err).toContain(message);
    }
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
