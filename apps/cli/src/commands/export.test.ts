import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILER_FIXTURES } from '../../test/fixtures';
import { cli, tempDir } from '../../test/harness';

describe('unet-studio export', () => {
  it('writes the platform template as the create_model line', async () => {
    const r = await cli(['export', 'template:modelmanager-unet', '--to', 'model-manager-python']);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toBe(
      "model_manager.create_model('unet', in_channels=3, out_channels=1, features=[64, 128, 256, 512, 1024], activation='relu', normalization='batchnorm', bilinear=True)",
    );
  });

  it('converts a fixture config to every spelling and back to the same text', async () => {
    const source = join(COMPILER_FIXTURES, 'model-manager', 'elu-transposed.yaml');
    const dir = tempDir();
    expect((await cli(['export', source, '--to', 'model-manager', '-o', 'c.json'], dir)).code).toBe(
      0,
    );
    expect(
      (await cli(['export', 'c.json', '--to', 'model-manager-python', '-o', 'c.py'], dir)).code,
    ).toBe(0);
    expect((await cli(['export', 'c.py', '--to', 'design', '-o', 'c.design.json'], dir)).code).toBe(
      0,
    );
    const back = await cli(['export', 'c.design.json', '--to', 'model-manager-yaml'], dir);
    expect(`${back.out}\n`).toBe(readFileSync(source, 'utf8'));
  });

  it('round-trips the heartkit config through a design file', async () => {
    const source = join(COMPILER_FIXTURES, 'unet-params', 'heartkit-1d.json');
    const dir = tempDir();
    await cli(['export', source, '--to', 'design', '-o', 'hk.json'], dir);
    const back = await cli(['export', 'hk.json', '--to', 'unet-params'], dir);
    expect(`${back.out}\n`).toBe(readFileSync(source, 'utf8'));
  });

  it('warns that the platform crashes on a bilinear=False config, and still exports it', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'transposed.py'),
      "create_model('unet', features=[16, 32, 64], bilinear=False)\n",
    );
    const r = await cli(['export', 'transposed.py', '--to', 'model-manager-yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('bilinear: false');
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(
        /^unet-studio export: warning: model\.parameters\.bilinear: bilinear: false crashes the real platform .*\(117,361 parameters; the platform's module holds 141,705\)/,
      ) as unknown,
    ]);
    const fromTemplate = await cli(['export', 'template:tiny', '--to', 'model-manager']);
    expect(fromTemplate.code).toBe(0);
    expect(fromTemplate.err).toContain("(29,625 parameters; the platform's module holds 35,717)");
    expect((await cli(['export', 'template:tiny', '--to', 'design'])).err).toBe('');
  });

  it('writes an imported heartkit task config back as the same task config', async () => {
    const source = join(COMPILER_FIXTURES, 'heliaedge-kits', 'heartkit-segmentation-class-2.json');
    const r = await cli(['export', source, '--to', 'unet-params']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse(readFileSync(source, 'utf8')));
  });

  it('refuses designs the format cannot express, naming the node (exit 1)', async () => {
    const r = await cli(['export', 'template:heliaedge-1d', '--to', 'model-manager']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'unet-studio export: template:heliaedge-1d cannot be written as model-manager:\n  node input: a 1D input, ModelManager models are 2D',
    );
    const paper = await cli(['export', 'template:original-unet', '--to', 'unet-params']);
    expect(paper.code).toBe(1);
    expect(paper.err).toContain('node enc1: ');
  });

  it('hands --to pytorch to the PyTorch package writer, which needs a folder', async () => {
    const r = await cli(['export', 'template:tiny', '--to', 'pytorch']);
    expect(r).toMatchObject({
      code: 2,
      err: expect.stringContaining('--to pytorch writes a folder') as unknown,
    });
  });

  it('exits 2 on a missing or unknown --to, or an unwritable output', async () => {
    expect((await cli(['export', 'template:tiny'])).err).toContain('--to is required');
    expect((await cli(['export', 'template:tiny', '--to', 'onnx'])).err).toContain(
      'unknown format "onnx"',
    );
    expect(
      (await cli(['export', 'template:tiny', '--to', 'design', '-o', '/nonexistent-dir/x.json']))
        .code,
    ).toBe(2);
  });
});
