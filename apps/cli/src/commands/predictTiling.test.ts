import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, findTemplate, withInputSize } from '@unet-studio/compiler';
import { buildModel, initBackend } from '@unet-studio/runtime';
import { decodeImageNode, encodeGreyPng, saveModelToDir } from '@unet-studio/runtime/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness';
import { runCommand } from '../../test/runCommand';
import { predictCommand } from './predict';

let dir: string;

beforeAll(async () => {
  dir = tempDir();
  await initBackend('wasm');
  const tiny = findTemplate('tiny')!.build();
  const fixed = buildModel(compile(tiny), { seed: 3 });
  await saveModelToDir(fixed, join(dir, 'fixed'));
  fixed.dispose();
  const open = buildModel(compile(withInputSize(tiny, [null, null])), { seed: 3 });
  await saveModelToDir(open, join(dir, 'open'));
  open.dispose();
  const big = new Uint8Array(70 * 100).map((_, p) => ((p % 100) * 2 + Math.floor(p / 100)) % 256);
  writeFileSync(join(dir, 'big.png'), encodeGreyPng(big, 100, 70));
});

const sizeOf = async (path: string) => {
  const img = await decodeImageNode(readFileSync(path));
  return [img.width, img.height];
};

describe('unet-studio predict, full size', () => {
  it('tiles an image larger than a fixed-size model and writes a mask of the image size', async () => {
    const r = await runCommand(predictCommand, ['fixed', 'big.png', '-o', 'out'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/big\.png \([0-9.]+% foreground\) \[\d+ tiles of 32×32\]/);
    expect(await sizeOf(join(dir, 'out', 'big.png'))).toEqual([100, 70]);
  });

  it('predicts the whole image in one pass with a model that takes any size, or in set tiles', async () => {
    const whole = await runCommand(predictCommand, ['open', 'big.png', '-o', 'w'], dir);
    expect(whole.code).toBe(0);
    expect(whole.out).not.toContain('tiles of');
    expect(await sizeOf(join(dir, 'w', 'big.png'))).toEqual([100, 70]);
    const tiled = await runCommand(
      predictCommand,
      ['open', 'big.png', '-o', 't', '--tile', '48x48', '--overlap', '16'],
      dir,
    );
    expect(tiled.code).toBe(0);
    expect(tiled.out).toContain('tiles of 48×48');
    const resized = await runCommand(
      predictCommand,
      ['fixed', 'big.png', '-o', 'r', '--resize'],
      dir,
    );
    expect(resized.out).toContain('[resized]');
    expect(await sizeOf(join(dir, 'r', 'big.png'))).toEqual([100, 70]);
  });

  it('refuses bad tiling options before reading any image', async () => {
    const bad = await runCommand(
      predictCommand,
      ['fixed', 'big.png', '-o', 'x', '--tile', 'big'],
      dir,
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--tile must be auto, off or HxW');
    const overlap = await runCommand(
      predictCommand,
      ['fixed', 'big.png', '-o', 'x', '--overlap', '-3'],
      dir,
    );
    expect(overlap.code).toBe(2);
    const off = await runCommand(
      predictCommand,
      ['fixed', 'big.png', '-o', 'x', '--tile', 'off'],
      dir,
    );
    expect(off.code).toBe(1);
    expect(off.err).toContain('use tiling or resizing');
  });
});
