/**
 * Hostile files and settings given to the real CLI in a child process: each run must end by
 * itself within the time limit (a hang fails the test), with the documented exit code and a
 * message naming what is wrong.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEMPLATES, compile } from '@unet-studio/compiler';
import { buildModel, initBackend } from '@unet-studio/runtime';
import { encodeGreyPng, saveModelToDir } from '@unet-studio/runtime/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness';
import { spawnCli, type ChildRun } from '../../test/spawnCli';

const LIMIT_MS = 60_000;
let dir = '';

/** A 35-byte GIF: a 1×1 screen whose frame declares 65535×65535 pixels. */
const GIF_BOMB = Uint8Array.from([
  ...[0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 255, 255, 255],
  ...[0x2c, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0, 2, 2, 0x44, 0x01, 0, 0x3b],
]);

const run = (args: readonly string[]): Promise<ChildRun> =>
  spawnCli(args, { cwd: dir, timeoutMs: LIMIT_MS });

function ended(r: ChildRun): void {
  expect(r.timedOut, `the command did not end within ${LIMIT_MS / 1000}s`).toBe(false);
}

beforeAll(async () => {
  dir = tempDir();
  await initBackend('cpu');
  const tiny = TEMPLATES.find((t) => t.name === 'tiny')!.build();
  const model = buildModel(compile(tiny), { seed: 1 });
  await saveModelToDir(model, join(dir, 'model'));
  model.dispose();
  // A folder whose weights.bin is /dev/zero, and one whose model.json is a FIFO.
  mkdirSync(join(dir, 'zero-model'));
  writeFileSync(
    join(dir, 'zero-model', 'model.json'),
    readFileSync(join(dir, 'model', 'model.json')),
  );
  symlinkSync('/dev/zero', join(dir, 'zero-model', 'weights.bin'));
  mkdirSync(join(dir, 'fifo-model'));
  execFileSync('mkfifo', [join(dir, 'fifo-model', 'model.json')]);
  // A model whose topology is another network than its design's.
  mkdirSync(join(dir, 'forged'));
  const json = JSON.parse(readFileSync(join(dir, 'model', 'model.json'), 'utf8')) as {
    modelTopology: {
      config: { layers: { class_name: string; config: Record<string, unknown> }[] };
    };
  };
  json.modelTopology.config.layers.find((l) => l.class_name === 'Conv2D')!.config.activation =
    'tanh';
  writeFileSync(join(dir, 'forged', 'model.json'), JSON.stringify(json));
  writeFileSync(
    join(dir, 'forged', 'weights.bin'),
    readFileSync(join(dir, 'model', 'weights.bin')),
  );
  // Images: a link to /dev/zero, a FIFO, and a data folder holding only the GIF bomb.
  writeFileSync(join(dir, 'ok.png'), encodeGreyPng(new Uint8Array(32 * 32), 32, 32));
  symlinkSync('/dev/zero', join(dir, 'zero.png'));
  execFileSync('mkfifo', [join(dir, 'pipe.png')]);
  mkdirSync(join(dir, 'bomb', 'images'), { recursive: true });
  mkdirSync(join(dir, 'bomb', 'masks'));
  writeFileSync(join(dir, 'bomb', 'images', 'a.gif'), GIF_BOMB);
  writeFileSync(join(dir, 'bomb', 'masks', 'a.png'), encodeGreyPng(new Uint8Array(4), 2, 2));
  // A design that diverges.
  writeFileSync(
    join(dir, 'diverges.json'),
    JSON.stringify({ ...tiny, training: { ...tiny.training, learningRate: 1e9 } }),
  );
});

describe('hostile inputs end quickly with a clear message', () => {
  it('predict refuses an image linked to /dev/zero and a FIFO image (exit 1)', async () => {
    const r = await run([
      'predict',
      'model',
      'zero.png',
      'pipe.png',
      'model/model.json',
      '-o',
      'out',
    ]);
    ended(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read image .*zero\.png: it is a character device/);
    expect(r.stderr).toMatch(/cannot read image .*pipe\.png: it is a FIFO \(named pipe\)/);
  }, 90_000);

  it('predict refuses a model whose weights.bin is /dev/zero, or whose model.json is a FIFO (exit 2)', async () => {
    const zero = await run(['predict', 'zero-model', 'ok.png', '-o', 'out']);
    ended(zero);
    expect(zero.code).toBe(2);
    expect(zero.stderr).toMatch(/weights file .*weights\.bin: it is a character device/);
    const fifo = await run(['evaluate', 'fifo-model', '--data', 'synthetic', '--samples', '2']);
    ended(fifo);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/model\.json .*: it is a FIFO/);
  }, 90_000);

  it('evaluate and export refuse a model whose topology is not its design (exit 2)', async () => {
    const r = await run(['evaluate', 'forged', '--data', 'synthetic', '--samples', '2']);
    ended(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /is not the network of its embedded design: layer \d+ ".*": activation is "tanh" in the file/,
    );
    const e = await run(['export', 'forged', '--to', 'pytorch', '-o', 'pt']);
    ended(e);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('activation is "tanh" in the file');
  }, 90_000);

  it('train refuses a GIF whose frame is above the pixel limit, without decoding it (exit 2)', async () => {
    const r = await run(['train', 'template:tiny', '--data', 'bomb', '--epochs', '1']);
    ended(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'images/a.gif: frame is 65535×65535 (4096 MP), above the 64 MP limit',
    );
  }, 90_000);

  it('train stops a diverging run with exit 1 and saves nothing', async () => {
    const r = await run([
      'train',
      'diverges.json',
      '--epochs',
      '3',
      '--samples',
      '16',
      '-o',
      'bad',
    ]);
    ended(r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /training diverged: the loss (rose to|became) .* at epoch \d+, batch \d+/,
    );
    expect(r.stderr).toContain('the model was not saved to');
    expect(r.stdout).not.toMatch(/^trained/m);
  }, 90_000);
});
