import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILER_FIXTURES } from '../../test/fixtures';
import { cli, tempDir, writeFiles } from '../../test/harness';

describe('unet-studio check', () => {
  it('exits 0 on a clean template and counts its findings', async () => {
    const r = await cli(['check', 'template:tiny']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('template:tiny: 0 errors, 0 warnings');
  });

  it('prints one line per diagnostic naming the node, and exits 1 on errors', async () => {
    const r = await cli(['check', 'template:heliaedge-1d', '--input', '250']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toContain(
      'error SKIP_SIZE_MISMATCH node skip3 (Skip 3): The maps differ: the skip map is 32×63 and the decoder map 32×64. Set align to resize, or change the input size.',
    );
    const gn = await cli(['check', join(COMPILER_FIXTURES, 'model-manager', 'groupnorm-odd.json')]);
    expect(gn.code).toBe(1);
    expect(gn.out).toMatch(
      /^error GROUPNORM_DIVISIBILITY node bottleneck \(Bottleneck\): GroupNorm with 32 groups cannot split 48 channels/m,
    );
  });

  it('reads every config spelling by content, whatever the file is called', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'a.txt': "unet = model_manager.create_model('unet', features=[8, 16, 32])\n",
      'b.cfg': 'model:\n  name: unet\n  parameters:\n    features: [8, 16]\n',
      'c.data':
        '{"name": "unet", "input_shape": [64, 1], "params": {"blocks": [{"filters": 4, "kernel": [1, 3], "pool": [1, 2], "strides": [1, 2]}], "output_kernel_size": [1, 3], "num_classes": 2}}',
    });
    for (const file of ['a.txt', 'b.cfg', 'c.data'])
      expect((await cli(['check', file, '--input', '64x64'], dir)).code).toBe(0);
  });

  it('exits 2 with the path of the bad field for malformed files', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'bad.json':
        '{"model": {"name": "unet", "parameters": {"features": [64, "x"], "activation": "swish"}}}',
      'bad.py': "model_manager.create_model('unet', features=[8, 16]; import os)",
      'design.json':
        '{"format": "unet-studio/design", "version": 1, "model": {"nodes": [{"id": "c", "kind": "conv", "params": {"filters": -3}}], "edges": []}}',
    });
    const bad = await cli(['check', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      'bad.json: model.parameters.features[1]: must be a whole number of channels',
    );
    expect(bad.err).toContain(
      "bad.json: model.parameters.activation: activation \"swish\" is not supported; use one of 'relu', 'leaky_relu', 'elu'",
    );
    expect((await cli(['check', 'bad.py'], dir)).err).toContain(
      'bad.py: (document): line 1, column 52: unexpected character ";"',
    );
    expect((await cli(['check', 'design.json'], dir)).err).toContain(
      'design.json: model.nodes[0].params.filters',
    );
  });

  it("prints the importer's warnings; they do not change the exit code", async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'sep.json':
        '{"name": "unet", "input_shape": [32, 32, 1], "params": {"blocks": [{"filters": 4, "separable": true}], "num_classes": 1}}',
      'transposed.yaml':
        'model:\n  name: unet\n  parameters:\n    features: [16, 32, 64]\n    bilinear: false\n',
    });
    const sep = await cli(['check', 'sep.json'], dir);
    expect(sep.code).toBe(0);
    expect(sep.out).toContain(
      'warning IMPORT params.blocks[0].separable: unknown field "separable": heliaEDGE spells it "seperable" and ignores "separable"',
    );
    const transposed = await cli(['check', 'transposed.yaml', '--input', '32x32'], dir);
    expect(transposed.code).toBe(0);
    expect(transposed.out).toContain(
      'warning IMPORT model.parameters.bilinear: bilinear: false crashes the real platform on its first forward pass',
    );
    expect(transposed.out).toContain(
      "U-Net Studio builds the corrected network (117,361 parameters; the platform's module holds 141,705)",
    );
    expect(transposed.out).toContain('transposed.yaml: 0 errors, 1 warning');
  });

  it('reads heartkit task configs and asks a bare UNet section for --input and --classes', async () => {
    const kits = join(COMPILER_FIXTURES, 'heliaedge-kits');
    const task = await cli(['check', join(kits, 'heartkit-segmentation-class-4-unet.json')]);
    expect(task.code).toBe(0);
    const section = join(kits, 'heartkit-segmentation-class-4-unet.architecture.json');
    const bare = await cli(['check', section]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('give it (unet-studio --input 256x1)');
    expect(bare.err).toContain('give it (unet-studio --classes N)');
    expect((await cli(['check', section, '--input', '256x1', '--classes', '4'])).code).toBe(0);
    expect((await cli(['check', section, '--input', '256x1', '--classes', 'x'])).code).toBe(2);
    const misfit = await cli(['check', join(kits, 'sleepkit-sa-2-tcn-lg.json')]);
    expect(misfit.code).toBe(1);
    expect(misfit.out).toMatch(/^error SKIP_SIZE_MISMATCH /m);
  });

  it('survives hostile content', async () => {
    const dir = tempDir();
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'
        .split('')
        .map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ].join('\n');
    writeFiles(dir, {
      'deep.json': '['.repeat(200_000) + ']'.repeat(200_000),
      'deep.yaml': 'model: ' + '['.repeat(50_000),
      'bomb.yaml': bomb,
      'binary.bin': Buffer.from([0, 159, 146, 150, 255, 0, 1, 2]),
      'proto.json':
        '{"__proto__": {"polluted": true}, "model": {"name": "unet", "parameters": {"__proto__": {"x": 1}}}}',
      'empty.json': '',
      'big.json': `{"pad": "${'x'.repeat(9 * 1024 * 1024)}"}`,
    });
    for (const file of [
      'deep.json',
      'deep.yaml',
      'bomb.yaml',
      'binary.bin',
      'empty.json',
      'big.json',
      'missing.json',
      '.',
    ]) {
      const r = await cli(['check', file], dir);
      expect(r.code, file).toBe(2);
      expect(r.err, file).toMatch(/^unet-studio check: /);
    }
    await cli(['check', 'proto.json'], dir);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('exits 2 on bad arguments', async () => {
    expect((await cli(['check'])).code).toBe(2);
    expect((await cli(['check', 'a', 'b'])).code).toBe(2);
    expect((await cli(['check', 'template:nope'])).err).toContain('unknown template "nope"');
    expect((await cli(['check', 'template:tiny', '--input', '32x'])).code).toBe(2);
  });
});
