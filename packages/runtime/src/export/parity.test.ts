/**
 * Numerical parity of the PyTorch export: a model trained here and its exported PyTorch twin
 * (model.py + the converted weights.pt) give the same outputs, eval mode, to 1e-4. The export
 * fixtures (every op and option) are checked the same way with randomised norm statistics.
 * Skipped, with the reason printed, when no Python can import torch.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import {
  compile,
  exportPytorch,
  findTemplate,
  type CompiledDesign,
  type Design,
} from '@unet-studio/compiler';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FIXTURES } from '../../../compiler/src/export/pytorch/fixtures/exportFixtures';
import { initBackend } from '../backend/initBackend';
import { buildModel } from '../build/buildModel';
import { makeSyntheticShapes } from '../data/synthetic';
import { saveToMemory } from '../io/memory';
import { parseModelInfo } from '../io/metadata';
import { createRandom } from '../data/random';
import { train } from '../train/train';
import { pytorchWeightsFromArtifacts, pytorchWeightsFromModel } from './pytorchWeights';
import { runPython, torchPython } from './torchPython';

const { python, reason } = torchPython();
const skip = python === null;

beforeAll(async () => {
  await initBackend('cpu');
});

// Runs model.py with weights.pt on input.bin (channels last, as tfjs) and writes out<i>.bin.
const RUN = `
import sys, torch
from model import build_model
n, *shape = map(int, sys.argv[1:])
model = build_model("weights.pt").eval()
x = torch.frombuffer(bytearray(open("input.bin", "rb").read()), dtype=torch.float32).view(n, *shape)
x = x.movedim(-1, 1)
with torch.no_grad():
    out = model(x)
for i, y in enumerate(out if isinstance(out, tuple) else (out,)):
    open(f"out{i}.bin", "wb").write(y.movedim(1, -1).contiguous().numpy().tobytes())
`;

/** Exports `compiled` with the model's weights, runs both on `x`; returns the max |Δ| per output. */
async function maxDifference(
  model: tf.LayersModel,
  compiled: CompiledDesign,
  x: tf.Tensor,
): Promise<number[]> {
  const pkg = exportPytorch(compiled, { withWeights: true });
  if (!pkg.ok) throw new Error(pkg.errors.join('; '));
  const info = parseModelInfo(model.getUserDefinedMetadata());
  if (!info.ok) throw new Error(info.issues.join('; '));
  const weights = pytorchWeightsFromModel(model, compiled, info.value.opLayerNames);
  if (!weights.ok) throw new Error(weights.errors.join('; '));
  // The saved-artifacts path gives the same file.
  const fromArtifacts = pytorchWeightsFromArtifacts(await saveToMemory(model), compiled);
  expect(fromArtifacts.ok && fromArtifacts.value.bytes).toEqual(weights.value.bytes);
  expect(weights.value.unused).toEqual([]);

  const dir = mkdtempSync(join(tmpdir(), 'parity-'));
  for (const f of pkg.value.files) writeFileSync(join(dir, f.path), f.text);
  writeFileSync(join(dir, 'weights.pt'), weights.value.bytes);
  const input = x.dataSync() as Float32Array;
  writeFileSync(
    join(dir, 'input.bin'),
    new Uint8Array(input.buffer, input.byteOffset, input.byteLength),
  );
  const run = runPython(python ?? '', ['-c', RUN, ...x.shape.map(String)], dir);
  if (run.status !== 0) throw new Error(run.stderr);

  const predicted = model.predict(x);
  const outputs = Array.isArray(predicted) ? predicted : [predicted];
  return outputs.map((y, i) => {
    const mine = Float32Array.from(y.dataSync());
    const bytes = readFileSync(join(dir, `out${i}.bin`));
    const theirs = new Float32Array(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    );
    expect(theirs.length).toBe(mine.length);
    return mine.reduce((m, v, j) => Math.max(m, Math.abs(v - (theirs[j] ?? Number.NaN))), 0);
  });
}

/** Gives norm statistics and biases values far from their initial ones, reproducibly. */
function randomiseStatistics(model: tf.LayersModel, seed: number): void {
  const rng = createRandom(seed);
  for (const w of model.weights) {
    const shape = w.read().shape;
    const n = shape.reduce((a, b) => a * b, 1);
    const draw: (() => number) | null = w.originalName.endsWith('/moving_variance')
      ? () => rng.uniform(0.5, 1.5)
      : w.originalName.endsWith('/gamma')
        ? () => rng.uniform(0.8, 1.2)
        : /\/(moving_mean|beta|bias)$/.test(w.originalName)
          ? () => 0.1 * rng.normal()
          : null;
    if (draw) w.write(tf.tensor(Array.from({ length: n }, draw), shape));
  }
}

function fixture(name: string): Design {
  const f = EXPORT_FIXTURES.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f.build();
}

describe(`PyTorch export parity (${reason ?? 'PyTorch found'})`, () => {
  it.skipIf(skip)(
    'a trained model gives the same outputs in tfjs and PyTorch (max |Δ| ≤ 1e-4)',
    async () => {
      const compiled = compile(findTemplate('tiny')?.build() ?? fixture('skips'), {
        inputSize: [16, 16],
      });
      const model = buildModel(compiled, { seed: 1 });
      const data = makeSyntheticShapes({ count: 8, size: [16, 16], channels: 3, seed: 2 });
      const history = await train(model, data, {
        epochs: 2,
        batchSize: 4,
        validationSplit: 0,
        learningRate: 1e-2,
      });
      expect(history.status).toBe('completed');
      const x = tf.randomNormal([2, 16, 16, 3], 0, 1, 'float32', 3);
      const [diff] = await maxDifference(model, compiled, x);
      expect(diff).toBeLessThanOrEqual(1e-4);
    },
    600_000,
  );

  const cases = [
    { name: 'strided-same', size: undefined },
    { name: 'skips', size: undefined },
    { name: 'norms-acts', size: undefined },
    { name: 'one-d', size: undefined },
    { name: 'open-size', size: [44, 60] },
  ];
  it.skipIf(skip).each(cases)(
    'fixture $name: every op agrees (max |Δ| ≤ 1e-4)',
    async ({ name, size }) => {
      const compiled = compile(fixture(name), size ? { inputSize: size } : {});
      const model = buildModel(compiled, { seed: 5 });
      randomiseStatistics(model, 7);
      const input = compiled.ops.find((op) => op.op === 'input')?.shape;
      const spatial = (input?.spatial ?? []).map((d) => (typeof d === 'number' ? d : 0));
      const x = tf.randomNormal([2, ...spatial, input?.channels ?? 1], 0, 1, 'float32', 11);
      const diffs = await maxDifference(model, compiled, x);
      expect(diffs.length).toBe(compiled.outputIds.length);
      for (const d of diffs) expect(d).toBeLessThanOrEqual(1e-4);
    },
    300_000,
  );
});
