import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, findTemplate } from '@unet-studio/compiler';
import { buildModel, initBackend } from '@unet-studio/runtime';
import { encodeGreyPng, saveModelToDir } from '@unet-studio/runtime/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness';
import { runCommand } from '../../test/runCommand';
import { evaluateCommand } from './evaluate';

let dir: string;

beforeAll(async () => {
  dir = tempDir();
  await initBackend('wasm');
  const model = buildModel(compile(findTemplate('tiny')!.build()), { seed: 3 });
  await saveModelToDir(model, join(dir, 'model'));
  model.dispose();
  for (const sub of ['images', 'masks']) mkdirSync(join(dir, 'data', sub), { recursive: true });
  for (const name of ['a', 'b', 'c']) {
    writeFileSync(
      join(dir, 'data', 'images', `${name}.png`),
      encodeGreyPng(new Uint8Array(64 * 64).fill(100), 64, 64),
    );
    writeFileSync(
      join(dir, 'data', 'masks', `${name}.png`),
      encodeGreyPng(
        new Uint8Array(64 * 64).map((_, i) => (i % 64 < 20 ? 255 : 0)),
        64,
        64,
      ),
    );
  }
  writeFileSync(join(dir, 'data', 'images', 'lonely.png'), encodeGreyPng(new Uint8Array(4), 2, 2));
});

describe('unet-studio evaluate', () => {
  it('scores a saved model on a folder, listing skipped files, as JSON', async () => {
    const r = await runCommand(
      evaluateCommand,
      ['model', '--data', 'data', '--json', '--loss', 'bce'],
      dir,
    );
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([
      'count',
      'loss',
      'dice',
      'iou',
      'pixelAccuracy',
      'perClass',
      'backend',
      'perImage',
      'confusion',
      'ok',
    ]);
    expect(result).toMatchObject({ count: 3, backend: 'wasm', ok: true });
    // Every image scored, worst first; the 2×2 confusion matrix counts all 3 × 32 × 32 pixels (resized to the input).
    const perImage = result.perImage as { name: string; dice: number }[];
    expect(perImage.map((s) => s.name).sort()).toEqual(['a', 'b', 'c']);
    expect(perImage[0]!.dice).toBeLessThanOrEqual(perImage[2]!.dice);
    expect((result.confusion as number[][]).flat().reduce((a, b) => a + b, 0)).toBe(3 * 32 * 32);
    expect(result.pixelAccuracy).toBeGreaterThanOrEqual(0);
    expect(result.loss).toBeGreaterThan(0);
    expect(r.err).toContain('skipped images/lonely.png: image without a mask');
  });

  it('prints a metrics line on synthetic data', async () => {
    const r = await runCommand(
      evaluateCommand,
      ['model', '--data', 'synthetic', '--samples', '8'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('worst 8 of 8 images (Dice, IoU):');
    expect(r.out.split('\n').at(-1)).toMatch(
      /^8 samples on wasm: Dice [0-9.]+ {2}IoU [0-9.]+ {2}pixel accuracy [0-9.]+$/,
    );
  });

  it('asks for --data', async () => {
    const r = await runCommand(evaluateCommand, ['model'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('give the data with --data');
  });
});
