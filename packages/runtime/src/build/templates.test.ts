import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATES, compile } from '@unet-studio/compiler';
import type { AxisSizeRule, CompiledDesign, Template } from '@unet-studio/compiler';
import { initBackend } from '../backend/initBackend';
import { readModelInfo } from '../io/metadata';
import { buildModel } from './buildModel';
import { channelsLast } from './buildTestSupport';
import { countParams } from './countParams';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The smallest accepted size of an axis that is at least `floor`. */
function smallest(rule: AxisSizeRule, floor: number): number {
  for (let n = Math.max(rule.min ?? 1, floor); ; n++) {
    if (rule.residues.includes(n % rule.modulus)) return n;
  }
}

function outputShapes(compiled: CompiledDesign): number[][] {
  return compiled.outputIds.map((id) => {
    const s = compiled.nodes[id]?.shape;
    if (!s) throw new Error(`output ${id} has no shape`);
    return [1, ...channelsLast(s)];
  });
}

describe.each(TEMPLATES.map((t) => [t.name, t] as [string, Template]))(
  'template %s',
  (_name, template) => {
    // Full-size U-Nets hold 31M weights: building one takes seconds on a shared machine.
    it(
      'builds at its own size with the compiler’s parameter counts and output shapes',
      { timeout: 60_000 },
      () => {
        const compiled = compile(template.build());
        expect(compiled.ok).toBe(true);
        const model = buildModel(compiled);
        try {
          expect(countParams(model)).toEqual({
            trainable: compiled.totals.trainable,
            nonTrainable: compiled.totals.nonTrainable,
          });
          expect(model.outputs.map((o) => [1, ...o.shape.slice(1)])).toEqual(
            outputShapes(compiled),
          );
          expect(Object.keys(readModelInfo(model).opLayerNames)).toEqual(
            compiled.ops.map((o) => o.id),
          );
        } finally {
          model.dispose();
        }
      },
    );

    // On wasm: the paper's U-Net at its smallest input (188×188) is ~16 GMACs.
    it(
      'runs forward at its smallest input size with finite outputs of the compiled shape',
      { timeout: 120_000 },
      async () => {
        const rules = compile(template.build()).sizeRule;
        expect(rules).not.toBeNull();
        const size = (rules ?? []).map((r) => smallest(r, 16));
        const compiled = compile(template.build(), { inputSize: size });
        expect(compiled.ok).toBe(true);
        await initBackend('wasm');
        const model = buildModel(compiled, { seed: 1 });
        try {
          const input = model.inputs[0]!.shape.slice(1) as number[];
          const x = tf.randomNormal([1, ...input], 0, 1, 'float32', 2);
          const y = model.predict(x) as tf.Tensor;
          expect(y.shape).toEqual(outputShapes(compiled)[0]);
          expect(Array.from(y.dataSync()).every(Number.isFinite)).toBe(true);
          tf.dispose([x, y]);
        } finally {
          model.dispose();
          await tf.setBackend('cpu');
        }
      },
    );
  },
);
