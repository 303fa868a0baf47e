/**
 * Every template and every fixture config, end to end in Node: build, train one step, save, load,
 * and predict exactly the same output after loading.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES, compile, importAny } from '@unet-studio/compiler';
import type { AxisSizeRule, Design } from '@unet-studio/compiler';
import { initBackend } from '../backend/initBackend';
import { sampleSpecOf, syntheticFor } from '../data/syntheticFor';
import { loadFromMemory, saveToMemory } from '../io/memory';
import { readModelInfo } from '../io/metadata';
import { train } from '../train/train';
import { buildModel } from './buildModel';

const fixtures = fileURLToPath(new URL('../../../compiler/fixtures', import.meta.url));

/** The smallest accepted size of an axis that is at least `floor`. */
function smallest(rule: AxisSizeRule, floor: number): number {
  for (let n = Math.max(rule.min ?? 1, floor); ; n++) {
    if (rule.residues.includes(n % rule.modulus)) return n;
  }
}

function fixtureDesigns(): [string, Design][] {
  const out: [string, Design][] = [];
  for (const folder of ['model-manager', 'unet-params']) {
    for (const file of readdirSync(join(fixtures, folder)).sort()) {
      if (!/\.(json|ya?ml|py)$/.test(file)) continue;
      const imported = importAny(readFileSync(join(fixtures, folder, file), 'utf8'));
      if (imported.ok) out.push([`${folder}/${file}`, imported.value.design]);
    }
  }
  return out;
}

const cases: [string, Design][] = [
  ...TEMPLATES.map((t): [string, Design] => [`template ${t.name}`, t.build()]),
  ...fixtureDesigns(),
];

beforeAll(async () => {
  await initBackend('wasm');
});
afterAll(async () => {
  await tf.setBackend('cpu');
});

describe('build → train one step → save → load → predict', () => {
  it('covers every template and at least a dozen fixture configs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(TEMPLATES.length + 12);
  });

  it.each(cases)('%s', { timeout: 180_000 }, async (_name, design) => {
    const full = compile(design);
    // A fixture that deliberately breaks a rule (GroupNorm divisibility) is the compiler's business.
    if (!full.ok) {
      expect(full.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      return;
    }
    // Train at the smallest accepted size (≥ 16): the point is the life cycle, not the size.
    const fixed = full.design.model.nodes.find((n) => n.kind === 'input')?.params.size ?? [];
    const tied = full.ops.some((o) => o.op === 'norm' && o.norm === 'layer');
    const size = tied
      ? fixed.map((s) => s ?? 16)
      : (full.sizeRule ?? []).map((r) => smallest(r, 16));
    const compiled = compile(design, { inputSize: size });
    expect(compiled.ok).toBe(true);

    const before = tf.memory().numTensors;
    const model = buildModel(compiled, { seed: 3 });
    const spec = sampleSpecOf(model.inputs[0]!.shape, model.outputs[0]!.shape);
    // A headless model (heliaEDGE include_top: false) outputs features, not classes: nothing to train.
    const headless = design.model.nodes.some((n) => n.kind === 'output' && !n.params.conv);
    if (!headless) {
      const data = syntheticFor(spec, 2, 5);
      const history = await train(model, data, { epochs: 1, batchSize: 2, validationSplit: 0 });
      expect(history.status).toBe('completed');
      expect(Number.isFinite(history.epochs[0]?.loss)).toBe(true);
    }

    const loaded = await loadFromMemory(await saveToMemory(model));
    expect(readModelInfo(loaded).design.model).toEqual(readModelInfo(model).design.model);
    const x = tf.randomUniform(
      [1, ...(model.inputs[0]!.shape.slice(1) as number[])],
      0,
      1,
      'float32',
      9,
    );
    const a = model.predict(x) as tf.Tensor;
    const b = loaded.predict(x) as tf.Tensor;
    const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
    expect(diff).toBeLessThanOrEqual(1e-6);
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
