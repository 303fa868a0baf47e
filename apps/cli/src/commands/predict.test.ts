import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, findTemplate } from '@unet-studio/compiler';
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
  const model = buildModel(compile(findTemplate('tiny')!.build()), { seed: 3 });
  await saveModelToDir(model, join(dir, 'model'));
  model.dispose();
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in', 'a.png'), encodeGreyPng(new Uint8Array(40 * 24).fill(120), 40, 24));
  writeFileSync(join(dir, 'b.png'), encodeGreyPng(new Uint8Array(16 * 16).fill(30), 16, 16));
  writeFileSync(join(dir, 'in', 'broken.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
});

describe('unet-studio predict', () => {
  it('writes a 0/255 PNG mask per image at the image size, and reports unreadable images', async () => {
    const r = await runCommand(predictCommand, ['model', 'in', 'b.png', '-o', 'masks'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/broken\.png: (corrupt PNG data|not a PNG)/);
    expect(r.out).toMatch(/a\.png -> .*masks\/a\.png \([0-9.]+% foreground\)/);
    const a = await decodeImageNode(readFileSync(join(dir, 'masks', 'a.png')));
    expect([a.width, a.height]).toEqual([40, 24]);
    const values = new Set(Array.from({ length: 40 * 24 }, (_, p) => a.data[p * 4]));
    expect([...values].every((v) => v === 0 || v === 255)).toBe(true);
    const b = await decodeImageNode(readFileSync(join(dir, 'masks', 'b.png')));
    expect([b.width, b.height]).toEqual([16, 16]);
  });

  it('refuses to replace existing masks, naming them, unless --overwrite is given', async () => {
    mkdirSync(join(dir, 'kept'));
    writeFileSync(join(dir, 'kept', 'b.png'), 'my own notes');
    const refused = await runCommand(predictCommand, ['model', 'in', 'b.png', '-o', 'kept'], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /kept\/b\.png already exists: give --overwrite to replace, or choose another -o folder/,
    );
    expect(refused.err).not.toMatch(/kept\/a\.png/);
    // Nothing was written: the user's file is as it was, and no other mask appeared.
    expect(readFileSync(join(dir, 'kept', 'b.png'), 'utf8')).toBe('my own notes');
    expect(() => readFileSync(join(dir, 'kept', 'a.png'))).toThrow();
    const replaced = await runCommand(
      predictCommand,
      ['model', 'in', 'b.png', '-o', 'kept', '--overwrite'],
      dir,
    );
    expect(replaced.code).toBe(1); // broken.png still cannot be read
    const b = await decodeImageNode(readFileSync(join(dir, 'kept', 'b.png')));
    expect([b.width, b.height]).toEqual([16, 16]);
  });

  it('names every existing mask of a second run into the same folder', async () => {
    await runCommand(predictCommand, ['model', 'b.png', '-o', 'again'], dir);
    const second = await runCommand(predictCommand, ['model', 'in', 'b.png', '-o', 'again'], dir);
    expect(second.code).toBe(2);
    expect(second.err).toContain(`${join(dir, 'again', 'b.png')} already exists`);
  });

  it('needs a model, images and -o', async () => {
    expect((await runCommand(predictCommand, ['model', 'in'], dir)).err).toContain(
      'give a model folder, at least one image and -o <dir>',
    );
    const missing = await runCommand(predictCommand, ['nomodel', 'in', '-o', 'x'], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/could not load a model/);
  });
});
