/**
 * Output parity with the reference implementations: each template's exported PyTorch model and a
 * reference built the way the reference code builds it (merge order, crop, upsampling, norm
 * placement, bias) get the same random weights and the same random input, and their outputs must
 * agree within 1e-5. Weights are matched by the order their modules run, so a swapped
 * concatenation or a misplaced norm shows up as a difference as large as the outputs themselves.
 * Big networks run at a smaller input that is valid for them (the architecture is unchanged).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, exportPytorch, findTemplate, TEMPLATES, withInputSize } from '../src/index';
import { OUTPUT_CASES } from './outputCases';
import { findTorchPython, runOutputParity, type OutputParityResult } from './python';

const { python, reason } = findTorchPython();
const dir = mkdtempSync(join(tmpdir(), 'unet-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function exportedModel(name: string, size: readonly number[] | undefined): string {
  const template = findTemplate(name);
  if (!template) throw new Error(`no template ${name}`);
  const design = size ? withInputSize(template.build(), size) : template.build();
  const exported = exportPytorch(compile(design));
  if (!exported.ok) throw new Error(exported.errors.join('; '));
  const model = exported.value.files.find((f) => f.path === 'model.py');
  if (!model) throw new Error('no model.py');
  const path = join(dir, `${name}.py`);
  writeFileSync(path, model.text);
  return path;
}

describe(`output parity with the reference implementations (${reason})`, () => {
  it('covers every template', () => {
    expect(OUTPUT_CASES.map((c) => c.template).sort()).toEqual(TEMPLATES.map((t) => t.name).sort());
  });

  it.skipIf(!python)(
    'every template computes what its reference computes',
    { timeout: 300_000 },
    () => {
      const cases = OUTPUT_CASES.map((c) => ({
        modelPy: exportedModel(c.template, c.size),
        script: c.script,
        config: c.config,
        input: c.input,
      }));
      const results = runOutputParity(python as string, cases);
      const byTemplate: Record<string, OutputParityResult> = {};
      OUTPUT_CASES.forEach((c, i) => {
        byTemplate[c.template] = results[i] ?? { error: 'no result' };
      });
      for (const c of OUTPUT_CASES) {
        const r = byTemplate[c.template];
        expect(r, c.template).toMatchObject({ output: c.output });
        if (r && 'maxAbsDiff' in r) {
          expect(r.maxAbs, `${c.template} output is not all zeros`).toBeGreaterThan(0.1);
          expect(r.maxAbsDiff, c.template).toBeLessThanOrEqual(1e-5);
        }
      }
    },
  );
});
