import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRegularFile, formatBytes, readRegularFile } from './boundedFile';
import { readModelDirectory } from './modelFiles';

let root = '';
const image = { maxBytes: 1024, what: 'image' } as const;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'unet-bounded-'));
  execFileSync('mkfifo', [join(root, 'fifo')]);
  await symlink('/dev/zero', join(root, 'zero'));
  await symlink(join(root, 'fifo'), join(root, 'to-fifo'));
  await symlink(join(root, 'missing'), join(root, 'broken'));
  await writeFile(join(root, 'small.bin'), 'hello');
  await symlink(join(root, 'small.bin'), join(root, 'to-small'));
  await writeFile(join(root, 'big.bin'), '');
  await truncate(join(root, 'big.bin'), 4096);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readRegularFile', () => {
  it('reads a regular file, directly or through a link', async () => {
    expect((await readRegularFile(join(root, 'small.bin'), image)).toString()).toBe('hello');
    expect((await readRegularFile(join(root, 'to-small'), image)).toString()).toBe('hello');
    expect(await checkRegularFile(join(root, 'to-small'), image)).toBe(5);
  });

  it('refuses FIFOs, devices, folders and broken links without blocking on them', async () => {
    await expect(readRegularFile(join(root, 'fifo'), image)).rejects.toThrow(
      `cannot read image ${join(root, 'fifo')}: it is a FIFO (named pipe) (only regular files are read)`,
    );
    await expect(readRegularFile(join(root, 'to-fifo'), image)).rejects.toThrow(/a FIFO/);
    await expect(readRegularFile(join(root, 'zero'), image)).rejects.toThrow(
      /it is a character device/,
    );
    await expect(readRegularFile(root, image)).rejects.toThrow(/it is a folder$/);
    await expect(readRegularFile(join(root, 'broken'), image)).rejects.toThrow(/a broken link/);
    await expect(readRegularFile(join(root, 'none'), image)).rejects.toThrow(/no such file/);
  });

  it('refuses a file above the limit before reading it, naming both sizes', async () => {
    await expect(readRegularFile(join(root, 'big.bin'), image)).rejects.toThrow(
      /it is 4 KiB, above the 1 KiB limit/,
    );
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MiB');
    expect(formatBytes(17)).toBe('17 bytes');
  });
});

describe('readModelDirectory on hostile folders', () => {
  const manifest = (bytes: number) =>
    JSON.stringify({
      modelTopology: {},
      weightsManifest: [
        {
          paths: ['./weights.bin'],
          weights: [{ name: 'w', shape: [bytes / 4], dtype: 'float32' }],
        },
      ],
    });

  it('refuses weights.bin linked to /dev/zero', async () => {
    const dir = join(root, 'zero-weights');
    await mkdir(dir);
    await writeFile(join(dir, 'model.json'), manifest(16));
    await symlink('/dev/zero', join(dir, 'weights.bin'));
    await expect(readModelDirectory(dir)).rejects.toThrow(
      /weights file .*weights\.bin: it is a character device/,
    );
  });

  it('refuses model.json as a FIFO', async () => {
    const dir = join(root, 'fifo-json');
    await mkdir(dir);
    execFileSync('mkfifo', [join(dir, 'model.json')]);
    await expect(readModelDirectory(dir)).rejects.toThrow(/model\.json .*: it is a FIFO/);
  });

  it('compares weight sizes with the manifest before reading them', async () => {
    const dir = join(root, 'long-weights');
    await mkdir(dir);
    await writeFile(join(dir, 'model.json'), manifest(16));
    await writeFile(join(dir, 'weights.bin'), '');
    await truncate(join(dir, 'weights.bin'), 1024 * 1024);
    await expect(readModelDirectory(dir)).rejects.toThrow(
      /the weight files hold 1048576 bytes but the manifest describes 16/,
    );
  });
});
