import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, findTemplate, serializeDesign } from '@unet-studio/compiler';
import { buildModel, initBackend } from '@unet-studio/runtime';
import { saveModelToDir } from '@unet-studio/runtime/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPython, torchPython } from '../../../packages/runtime/src/export/torchPython';
import { tempDir } from '../test/harness';
import type { Io } from './command';
import { exportPytorchPackage, type PytorchExportRequest } from './pytorchExport';

const { python, reason } = torchPython();

beforeAll(async () => {
  await initBackend('cpu');
});

async function run(
  request: PytorchExportRequest,
  cwd: string,
): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const io: Io = { out: () => undefined, err: (l) => err.push(l), progress: () => undefined, cwd };
  const code = await exportPytorchPackage(request, io);
  return { code, err: err.join('\n') };
}

function tiny() {
  const design = findTemplate('tiny')?.build();
  if (!design) throw new Error('no tiny template');
  return design;
}

/** A trained-model directory as `unet-studio train` leaves it (built, saved with its design). */
async function modelDir(): Promise<string> {
  const dir = tempDir();
  const model = buildModel(compile(tiny(), { inputSize: [16, 16] }), { seed: 4 });
  await saveModelToDir(model, join(dir, 'model'));
  return dir;
}

describe('export --to pytorch', () => {
  it('writes model.py, train.py and README.md for a template', async () => {
    const dir = tempDir();
    const r = await run({ source: 'template:tiny', outDir: 'pt' }, dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'pt')).sort()).toEqual([
      'README.md',
      'model.py',
      'predict.py',
      'train.py',
    ]);
    expect(r.err).toContain('check it: cd pt && python3 model.py --summary');
    expect(readFileSync(join(dir, 'pt', 'model.py'), 'utf8')).toContain('class Model(nn.Module):');
  });

  it('applies --input to a design', async () => {
    const dir = tempDir();
    expect((await run({ source: 'template:tiny', outDir: 'pt', input: '64x64x1' }, dir)).code).toBe(
      0,
    );
    expect(readFileSync(join(dir, 'pt', 'model.py'), 'utf8')).toContain(
      'INPUT_SHAPE = (1, 64, 64)',
    );
  });

  it('needs -o, and refuses a design with errors naming them (exit 1)', async () => {
    const dir = tempDir();
    expect(await run({ source: 'template:tiny', outDir: undefined }, dir)).toMatchObject({
      code: 2,
      err: 'unet-studio export: --to pytorch writes a folder (model.py, train.py, README.md): give -o DIR',
    });
    const design = tiny();
    const broken = { ...design, model: { ...design.model, edges: design.model.edges.slice(1) } };
    writeFileSync(join(dir, 'broken.json'), serializeDesign(broken));
    const r = await run({ source: 'broken.json', outDir: 'pt' }, dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /broken\.json cannot be exported to PyTorch:\n {2}.+\(PORT_UNCONNECTED\)/,
    );
    expect(existsSync(join(dir, 'pt'))).toBe(false);
  });

  it('adds weights.pt for a trained model directory, and refuses --input there', async () => {
    const dir = await modelDir();
    const r = await run({ source: 'model', outDir: 'pt' }, dir);
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, 'pt')).sort()).toEqual([
      'README.md',
      'model.py',
      'predict.py',
      'train.py',
      'weights.pt',
    ]);
    expect(r.err).toContain('--summary --weights weights.pt');
    expect(readFileSync(join(dir, 'pt', 'README.md'), 'utf8')).toContain('weights.pt');
    expect((await run({ source: 'model', outDir: 'pt', input: '32x32x3' }, dir)).code).toBe(2);
  });

  it('reports a model directory that is not a U-Net Studio model', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'model.json'),
      JSON.stringify({ modelTopology: {}, weightsManifest: [] }),
    );
    const r = await run({ source: '.', outDir: 'pt' }, dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a U-Net Studio model');
  });

  it.skipIf(python === null)(
    `writes weights that PyTorch loads into the model (${reason ?? 'PyTorch found'})`,
    async () => {
      const dir = await modelDir();
      expect((await run({ source: 'model', outDir: 'pt' }, dir)).code).toBe(0);
      const summary = runPython(
        python ?? '',
        ['model.py', '--summary', '--weights', 'weights.pt'],
        join(dir, 'pt'),
      );
      expect(summary.stderr).toBe('');
      expect(JSON.parse(summary.stdout)).toMatchObject({ input: [3, 16, 16], output: [1, 16, 16] });
    },
    120_000,
  );
});
