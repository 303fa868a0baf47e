import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeFiles } from '../../test/harness';

describe('unet-studio summary', () => {
  it('prints the paper’s figures for the original U-Net at 572×572×1', async () => {
    const r = await cli(['summary', 'template:original-unet', '--input', '572x572x1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^output\s+Output\s+output\s+2×388×388\s+130\s/m);
    expect(r.out).toMatch(/^enc1\s+Encoder 1\s+conv\s+64×568×568\s+37,568\s/m);
    expect(r.out).toContain('trainable params      31,030,658');
    expect(r.out).toContain('non-trainable params  0');
    // Binary units, as the designer shows them (1,267,079,360 bytes: 1.27 GB in decimal units).
    expect(r.out).toContain('activation memory     1.18 GiB');
  });

  it('prints JSON with --json, and --batch scales MACs but not parameters', async () => {
    const one = JSON.parse((await cli(['summary', 'template:tiny', '--json'])).out) as Record<
      string,
      unknown
    >;
    const four = JSON.parse(
      (await cli(['summary', 'template:tiny', '--json', '--batch', '4'])).out,
    ) as Record<string, unknown>;
    expect(one).toMatchObject({
      input: { channels: 3, spatial: [32, 32] },
      output: { channels: 1, spatial: [32, 32] },
      trainableParams: 29_625,
      nonTrainableParams: 320,
    });
    expect(four.trainableParams).toBe(one.trainableParams);
    expect(four.macs).toBe(4 * (one.macs as number));
    expect(four.activationBytes).toBe(4 * (one.activationBytes as number));
    const nodes = one.nodes as { id: string; shape: unknown; trainableParams: number }[];
    expect(nodes.map((n) => n.id)).toEqual([
      'input',
      'enc1',
      'pool1',
      'enc2',
      'pool2',
      'bottleneck',
      'up2',
      'skip2',
      'dec2',
      'up1',
      'skip1',
      'dec1',
      'output',
    ]);
    expect(nodes.reduce((s, n) => s + n.trainableParams, 0)).toBe(29_625);
  });

  it('changes the input channels and the 1D length with --input', async () => {
    const gray = JSON.parse(
      (await cli(['summary', 'template:tiny', '--json', '--input', '48x40x1'])).out,
    ) as { input: unknown; trainableParams: number };
    expect(gray.input).toEqual({ channels: 1, spatial: [48, 40] });
    expect(gray.trainableParams).toBe(29_625 - 2 * 9 * 8);
    const ecg = JSON.parse(
      (await cli(['summary', 'template:heliaedge-1d', '--json', '--input', '512'])).out,
    ) as { output: unknown };
    expect(ecg.output).toEqual({ channels: 4, spatial: [512] });
  });

  it('reads a config file and exits 1 when the design has errors', async () => {
    const dir = tempDir();
    writeFiles(dir, {
      'gn.yaml':
        'model:\n  name: unet\n  parameters:\n    features: [32, 48]\n    normalization: groupnorm\n',
    });
    const r = await cli(['summary', 'gn.yaml', '--input', '32x32'], dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error GROUPNORM_DIVISIBILITY node bottleneck (Bottleneck)');
  });

  it('exits 2 on bad options', async () => {
    expect((await cli(['summary', 'template:tiny', '--batch', '0'])).err).toContain(
      '--batch must be a whole number of at least 1',
    );
    expect((await cli(['summary', 'template:tiny', '--input', '32x32x3x3'])).code).toBe(2);
    expect((await cli(['summary', 'template:heliaedge-1d', '--input', '64x64x3'])).err).toContain(
      'this design is 1D',
    );
    expect((await cli(['summary'])).code).toBe(2);
  });
});
