/**
 * Runs the generated model.py under PyTorch: for every template and fixture, `--summary` must
 * print the compiler's trainable parameter count and output shape. Skipped, with the reason
 * printed, when no Python can import torch.
 */
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../compile';
import { TEMPLATES } from '../../templates/index';
import { exportPytorch } from './exportPytorch';
import { EXPORT_FIXTURES } from './fixtures/exportFixtures';
import { runPython, torchPython, writePackage } from './fixtures/torchPython';
import { pyStr } from './pyLiteral';

const { python, reason } = torchPython();
const skip = python === null;
const why = reason ?? 'PyTorch found';

interface Case {
  readonly name: string;
  readonly dir: string;
  readonly size: readonly number[] | undefined;
  readonly expected: { trainableParams: number; input: number[]; outputs: number[][] };
}

const root = mkdtempSync(join(tmpdir(), 'pytorch-export-'));
const designs = [
  ...TEMPLATES.map((t) => ({
    name: `template ${t.name}`,
    build: () => t.build(),
    size: undefined,
  })),
  ...EXPORT_FIXTURES.map((f) => ({ name: `fixture ${f.name}`, build: f.build, size: f.size })),
];

const cases: Case[] = designs.map(({ name, build, size }, i) => {
  const result = exportPytorch(compile(build()));
  if (!result.ok) throw new Error(`${name}: ${result.errors.join('; ')}`);
  const dir = join(root, `case${i}`);
  writePackage(dir, result.value.files);
  // The compiler's own figures, at the size the summary runs at.
  const compiled = compile(build(), size ? { inputSize: size } : {});
  const concrete = (d: unknown): number => {
    if (typeof d !== 'number') throw new Error(`${name}: open size in the compiled shape`);
    return d;
  };
  const input = compiled.ops.find((op) => op.op === 'input')?.shape;
  return {
    name,
    dir,
    size,
    expected: {
      trainableParams: compiled.totals.trainable,
      input: input ? [input.channels, ...input.spatial.map(concrete)] : [],
      outputs: compiled.outputIds.map((id) => {
        const s = compiled.nodes[id]?.shape;
        return s ? [s.channels, ...s.spatial.map(concrete)] : [];
      }),
    },
  };
});

// One Python process imports every model.py (importing torch once) and runs its --summary.
const DRIVER = `
import contextlib, importlib.util, io, json, sys
results = {}
for i, (d, size) in enumerate(json.loads(sys.argv[1])):
    spec = importlib.util.spec_from_file_location(f"model_{i}", d + "/model.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        mod.main(["--summary"] + (["--size", *map(str, size)] if size else []))
    results[d] = json.loads(out.getvalue())
print(json.dumps(results))
`;

let summaries: Record<
  string,
  { trainableParams: number; input: number[]; output: number[]; outputs?: number[][] }
> = {};

beforeAll(() => {
  if (skip) return;
  const run = runPython(
    python,
    ['-c', DRIVER, JSON.stringify(cases.map((c) => [c.dir, c.size ?? null]))],
    root,
  );
  if (run.status !== 0) throw new Error(`the summary driver failed:\n${run.stderr}`);
  summaries = JSON.parse(run.stdout) as typeof summaries;
}, 600_000);

describe(`model.py --summary (${why})`, () => {
  it.skipIf(skip).each(cases)('$name: parameter count and shapes equal the compiler’s', (c) => {
    const s = summaries[c.dir];
    expect(s?.trainableParams).toBe(c.expected.trainableParams);
    expect(s?.input).toEqual(c.expected.input);
    expect(s?.output).toEqual(c.expected.outputs[0]);
    if (c.expected.outputs.length > 1) expect(s?.outputs).toEqual(c.expected.outputs);
  });

  it.skipIf(skip)(
    'prints one JSON line from the command line, and explains an open size',
    () => {
      const tiny = cases.find((c) => c.name === 'template tiny');
      const run = runPython(python ?? '', ['model.py', '--summary'], tiny?.dir ?? root);
      expect(run.status).toBe(0);
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
      expect(JSON.parse(run.stdout)).toEqual({
        trainableParams: tiny?.expected.trainableParams,
        input: [3, 32, 32],
        output: [1, 32, 32],
      });
      const open = cases.find((c) => c.name === 'fixture open-size');
      const refused = runPython(python ?? '', ['model.py', '--summary'], open?.dir ?? root);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('the design leaves the input size open; pass --size');
    },
    120_000,
  );

  it.skipIf(skip)(
    'exports ONNX',
    () => {
      const tiny = cases.find((c) => c.name === 'template tiny')?.dir ?? root;
      const run = runPython(python ?? '', ['model.py', '--onnx', 'tiny.onnx'], tiny);
      expect(run.status).toBe(0);
      expect(existsSync(join(tiny, 'tiny.onnx'))).toBe(true);
    },
    120_000,
  );

  it.skipIf(skip)(
    'writes string literals that Python reads back exactly',
    () => {
      const strings = [
        '"); import os; os.system("x',
        'a\\b\n\r\t',
        '"""\'\'\'',
        'é 😀 \u202e \u0000 \ud800',
        '',
      ];
      const script = `import json\nprint(json.dumps([${strings.map(pyStr).join(', ')}]))`;
      const run = runPython(python ?? '', ['-c', script], root);
      expect(run.status).toBe(0);
      // JSON writes the lone surrogate as \\ud800 and JSON.parse restores it.
      expect(JSON.parse(run.stdout)).toEqual(strings);
    },
    120_000,
  );
});
