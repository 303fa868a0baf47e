/**
 * PyTorch → TensorFlow.js weights: the exact inverse of the export's conversion, and a model
 * whose weights come from PyTorch predicts as PyTorch does (max |Δ| ≤ 1e-4). The PyTorch half is
 * skipped, with the reason printed, when no Python can import torch.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { compile, exportPytorch, findTemplate, type CompiledDesign } from '@unet-studio/compiler';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FIXTURES } from '../../../compiler/src/export/pytorch/fixtures/exportFixtures';
import { initBackend } from '../backend/initBackend';
import { buildModel } from '../build/buildModel';
import { readModelInfo } from '../io/metadata';
import { convertWeights } from './convertWeights';
import type { DenseTensor } from './permute';
import { loadStateDictIntoModel, tfjsWeightsFromStateDict } from './reverseWeights';
import { readStateBundle, STATE_BUNDLE_PY } from './stateBundle';
import { runPython, torchPython } from './torchPython';

const { python, reason } = torchPython();

beforeAll(async () => {
  await initBackend('cpu');
});

function compiledOf(name: string, size?: number[]): CompiledDesign {
  const design =
    name === 'tiny'
      ? findTemplate('tiny')?.build()
      : EXPORT_FIXTURES.find((f) => f.name === name)?.build();
  if (!design) throw new Error(`no design ${name}`);
  return compile(design, size ? { inputSize: size } : {});
}

describe('tfjsWeightsFromStateDict', () => {
  it.each(['tiny', 'skips', 'norms-acts', 'one-d'])(
    'undoes the export conversion exactly (%s)',
    (name) => {
      const compiled = compiledOf(name, name === 'tiny' ? [16, 16] : undefined);
      const model = buildModel(compiled, { seed: 3 });
      const weights = new Map(
        model.weights.map((w) => [
          w.originalName,
          { shape: w.shape.map((d) => d ?? 0), data: Float32Array.from(w.read().dataSync()) },
        ]),
      );
      const opLayerNames = readModelInfo(model).opLayerNames;
      const forward = convertWeights(compiled, weights, opLayerNames);
      if (!forward.ok) throw new Error(forward.errors.join('; '));
      const state = new Map<string, DenseTensor>();
      for (const t of forward.value)
        if (t.data instanceof Float32Array) state.set(t.key, { shape: t.shape, data: t.data });
      const targets = new Map([...weights].map(([k, v]) => [k, v.shape] as const));
      const back = tfjsWeightsFromStateDict(compiled, state, targets, opLayerNames);
      if (!back.ok) throw new Error(back.errors.join('; '));
      expect([...back.value.keys()].sort()).toEqual([...weights.keys()].sort());
      for (const [key, w] of weights) {
        expect(back.value.get(key)?.shape, key).toEqual(w.shape);
        expect(back.value.get(key)?.data, key).toEqual(w.data);
      }
      model.dispose();
    },
  );

  it('names a state-dict key the PyTorch weights lack, and leaves the model unchanged', () => {
    const compiled = compiledOf('tiny', [16, 16]);
    const model = buildModel(compiled, { seed: 1 });
    const before = Array.from(model.weights[0]?.read().dataSync() ?? []);
    const result = loadStateDictIntoModel(
      model,
      compiled,
      new Map([['nothing', { shape: [1], data: new Float32Array(1) }]]),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/missing from the PyTorch weights/);
    expect(Array.from(model.weights[0]?.read().dataSync() ?? [])).toEqual(before);
    model.dispose();
  });
});

// Random weights and norm statistics in PyTorch; the bundle; outputs on input.bin (channels last).
const MAKE = `
import sys, torch
from model import build_model
torch.manual_seed(0)
model = build_model()
with torch.no_grad():
    for name, t in model.state_dict().items():
        if name.endswith("running_var"): t.uniform_(0.5, 1.5)
        elif name.endswith(("running_mean", "bias")): t.normal_(0, 0.1)
torch.save(model.state_dict(), "weights.pt")
n, *shape = map(int, sys.argv[1:])
x = torch.frombuffer(bytearray(open("input.bin", "rb").read()), dtype=torch.float32).view(n, *shape).movedim(-1, 1)
with torch.no_grad():
    y = model.eval()(x)
y = y[0] if isinstance(y, tuple) else y
open("out.bin", "wb").write(bytes(y.movedim(1, -1).reshape(-1).contiguous().view(torch.uint8).tolist()))
`;

describe(`PyTorch-trained weights in TensorFlow.js (${reason ?? 'PyTorch found'})`, () => {
  it.skipIf(python === null).each([
    { name: 'tiny', size: [16, 16], input: [2, 16, 16, 3] },
    { name: 'one-d', size: undefined, input: [2, 50, 2] },
  ])(
    'predicts as PyTorch does, max |Δ| ≤ 1e-4 ($name)',
    ({ name, size, input }) => {
      const compiled = compiledOf(name, size);
      const pkg = exportPytorch(compiled);
      if (!pkg.ok) throw new Error(pkg.errors.join('; '));
      const dir = mkdtempSync(join(tmpdir(), 'reverse-'));
      for (const f of pkg.value.files) writeFileSync(join(dir, f.path), f.text);
      const x = tf.randomNormal(input, 0, 1, 'float32', 4);
      const values = x.dataSync() as Float32Array;
      writeFileSync(
        join(dir, 'input.bin'),
        new Uint8Array(values.buffer, values.byteOffset, values.byteLength),
      );
      const made = runPython(python ?? '', ['-c', MAKE, ...input.map(String)], dir);
      expect(made.stderr).toBe('');
      expect(
        runPython(python ?? '', ['-c', STATE_BUNDLE_PY, 'weights.pt', 'bundle.bin'], dir).status,
      ).toBe(0);
      const bundle = readStateBundle(readFileSync(join(dir, 'bundle.bin')));
      if (!bundle.ok) throw new Error(bundle.message);
      const model = buildModel(compiled, { seed: 9 });
      const loaded = loadStateDictIntoModel(model, compiled, bundle.value);
      if (!loaded.ok) throw new Error(loaded.errors.join('; '));
      const mine = (model.predict(x) as tf.Tensor).dataSync();
      const bytes = readFileSync(join(dir, 'out.bin'));
      const theirs = new Float32Array(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      );
      expect(theirs.length).toBe(mine.length);
      let diff = 0;
      mine.forEach((v, i) => (diff = Math.max(diff, Math.abs(v - (theirs[i] ?? Number.NaN)))));
      expect(diff).toBeLessThanOrEqual(1e-4);
      model.dispose();
    },
    300_000,
  );
});

describe('readStateBundle', () => {
  it('refuses bytes that are not a bundle or end too soon', () => {
    expect(readStateBundle(new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false });
    const header = new TextEncoder().encode('{"tensors":[{"key":"w","shape":[4]}]}');
    const bytes = new Uint8Array(8 + header.length + 8);
    bytes.set(new TextEncoder().encode('USSD'));
    new DataView(bytes.buffer).setUint32(4, header.length, true);
    bytes.set(header, 8);
    expect(readStateBundle(bytes)).toEqual({
      ok: false,
      message: 'the state bundle ends inside w',
    });
  });
});
