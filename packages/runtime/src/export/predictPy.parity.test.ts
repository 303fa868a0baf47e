/**
 * predict.py of the PyTorch export tiles images as the runtime's `predictFullSize` does: on the
 * same weights, its full-size probabilities match the runtime's to 1e-4, for a same-padding
 * network (blended tiles) and a valid-padding one (overlap-tile with mirrored borders).
 * Skipped, with the reason printed, when no Python can import torch.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compile, exportPytorch, withInputSize, type Design } from '@unet-studio/compiler';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { classicUNet } from '../../../compiler/src/templates/classicUNet';
import { initBackend } from '../backend/initBackend';
import { buildModel } from '../build/buildModel';
import { createRandom } from '../data/random';
import { parseModelInfo } from '../io/metadata';
import { encodeGreyPng } from '../node/encodePng';
import { predictFullSize } from '../predict/predictFullSize';
import { pytorchWeightsFromModel } from './pytorchWeights';
import { runPython, torchPython } from './torchPython';

const { python, reason } = torchPython();

beforeAll(async () => {
  await initBackend('cpu');
});

// Reads input.bin (C, H, W), runs predict.py's predict_full_size, writes probs.bin (H, W, K).
const RUN = `
import sys, torch
from model import build_model
from predict import predict_full_size
c, h, w = map(int, sys.argv[1:4])
tile = "auto" if sys.argv[4] == "auto" else tuple(map(int, sys.argv[4].split("x")))
model = build_model("weights.pt").eval()
x = torch.frombuffer(bytearray(open("input.bin", "rb").read()), dtype=torch.float32).view(c, h, w)
probs, labels = predict_full_size(model, x, tile)
open("probs.bin", "wb").write(probs.permute(1, 2, 0).contiguous().numpy().tobytes())
`;

function unet(padding: 'same' | 'valid', size: [number, number] | null, classes: number): Design {
  const design = classicUNet({
    features: [4, 8, 8],
    inChannels: 1,
    outChannels: classes,
    inputSize: [64, 64],
    padding,
    bias: 'on',
    norm: { type: 'none' },
    align: 'crop',
    order: 'up-first',
    name: `${padding} padding`,
    description: '',
  });
  return withInputSize(design, size ?? [null, null]);
}

function compareWithPredictPy(design: Design, height: number, width: number, tile: string) {
  const compiled = compile(design);
  const model = buildModel(compiled, { seed: 5 });
  const rng = createRandom(9);
  const data = Float32Array.from({ length: height * width }, () => rng.next());
  const mine = predictFullSize(
    model,
    { height, width, channels: 1, data },
    tile === 'auto' ? {} : { tile: tile.split('x').map(Number) as [number, number] },
  );
  const pkg = exportPytorch(compiled, { withWeights: true });
  if (!pkg.ok) throw new Error(pkg.errors.join('; '));
  const info = parseModelInfo(model.getUserDefinedMetadata());
  if (!info.ok) throw new Error(info.issues.join('; '));
  const weights = pytorchWeightsFromModel(model, compiled, info.value.opLayerNames);
  if (!weights.ok) throw new Error(weights.errors.join('; '));
  const dir = mkdtempSync(join(tmpdir(), 'predict-py-'));
  for (const f of pkg.value.files) writeFileSync(join(dir, f.path), f.text);
  writeFileSync(join(dir, 'weights.pt'), weights.value.bytes);
  writeFileSync(join(dir, 'input.bin'), new Uint8Array(data.buffer));
  const run = runPython(python ?? '', ['-c', RUN, '1', String(height), String(width), tile], dir);
  if (run.status !== 0) throw new Error(run.stderr);
  const bytes = readFileSync(join(dir, 'probs.bin'));
  const theirs = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  );
  model.dispose();
  expect(theirs.length).toBe(mine.probabilities.length);
  return {
    tiling: mine.tiling,
    worst: mine.probabilities.reduce((m, v, i) => Math.max(m, Math.abs(v - theirs[i]!)), 0),
  };
}

describe(`predict.py tiles as the runtime does (${reason ?? 'PyTorch found'})`, () => {
  it.skipIf(python === null)(
    'same padding: blended tiles, same probabilities (≤ 1e-4)',
    () => {
      const r = compareWithPredictPy(unet('same', null, 1), 90, 116, '48x48');
      expect(r.tiling.tiles[0] * r.tiling.tiles[1]).toBeGreaterThan(1);
      expect(r.worst).toBeLessThanOrEqual(1e-4);
    },
    120_000,
  );

  it.skipIf(python === null)(
    'valid padding: overlap-tile with mirrored borders (≤ 1e-4)',
    () => {
      const compiled = compile(unet('valid', null, 2));
      const min = compiled.sizeRule?.[0]?.min ?? 0;
      expect(min).toBeGreaterThan(0);
      const r = compareWithPredictPy(unet('valid', [min + 8, min + 8], 2), 70, 95, 'auto');
      expect(r.tiling.tiles[0] * r.tiling.tiles[1]).toBeGreaterThan(1);
      expect(r.worst).toBeLessThanOrEqual(1e-4);
    },
    120_000,
  );

  it.skipIf(python === null)(
    'writes a mask of the image size from the command line (Pillow), and names missing weights',
    () => {
      const compiled = compile(unet('same', [64, 64], 1));
      const model = buildModel(compiled, { seed: 5 });
      const pkg = exportPytorch(compiled, { withWeights: true });
      const info = parseModelInfo(model.getUserDefinedMetadata());
      if (!pkg.ok || !info.ok) throw new Error('export failed');
      const weights = pytorchWeightsFromModel(model, compiled, info.value.opLayerNames);
      if (!weights.ok) throw new Error(weights.errors.join('; '));
      model.dispose();
      const dir = mkdtempSync(join(tmpdir(), 'predict-py-cli-'));
      for (const f of pkg.value.files) writeFileSync(join(dir, f.path), f.text);
      const noWeights = runPython(python ?? '', ['predict.py', 'big.png', '-o', 'out'], dir);
      expect(noWeights.status).not.toBe(0);
      expect(noWeights.stderr).toContain('weights.pt not found');
      writeFileSync(join(dir, 'weights.pt'), weights.value.bytes);
      writeFileSync(
        join(dir, 'big.png'),
        encodeGreyPng(new Uint8Array(100 * 70).fill(90), 100, 70),
      );
      const run = runPython(python ?? '', ['predict.py', 'big.png', '-o', 'out'], dir);
      if (run.status !== 0 && run.stderr.includes('No module named')) return; // no Pillow here
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('(100x70)');
      const png = PNG.sync.read(readFileSync(join(dir, 'out', 'big.png')));
      expect([png.width, png.height]).toEqual([100, 70]);
    },
    120_000,
  );
});
