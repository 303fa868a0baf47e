import { describe, expect, it } from 'vitest';
import { compile } from '../../compile';
import type { CompiledDesign } from '../../compiled';
import { TEMPLATES, findTemplate } from '../../templates/index';
import { exportPytorch, type PytorchPackage } from './exportPytorch';
import { EXPORT_FIXTURES } from './fixtures/exportFixtures';
import { hostileDesign } from './fixtures/hostileDesign';
import { planForward } from './forwardPlan';
import { pytorchModuleNames } from './moduleNames';
import { stateDictLayout } from './stateDictLayout';

const DESIGNS = [
  ...TEMPLATES.map((t) => ({ name: `template ${t.name}`, build: () => t.build() })),
  ...EXPORT_FIXTURES.map((f) => ({ name: `fixture ${f.name}`, build: f.build })),
];

function exported(compiled: CompiledDesign, withWeights = false): PytorchPackage {
  const result = exportPytorch(compiled, { withWeights });
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

const file = (pkg: PytorchPackage, path: string): string =>
  pkg.files.find((f) => f.path === path)?.text ?? '';

describe('stateDictLayout', () => {
  it.each(DESIGNS)(
    '$name: the state dict holds exactly the compiler’s parameter counts',
    ({ build }) => {
      const compiled = compile(build());
      const layout = stateDictLayout(compiled);
      const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
      const trainable = layout.filter((e) => e.trainable).reduce((n, e) => n + size(e.shape), 0);
      const stats = layout
        .filter((e) => !e.trainable && e.dtype === 'float32')
        .reduce((n, e) => n + size(e.shape), 0);
      expect(trainable).toBe(compiled.totals.trainable);
      expect(stats).toBe(compiled.totals.nonTrainable);
      expect(new Set(layout.map((e) => e.key)).size).toBe(layout.length);
    },
  );

  it('uses PyTorch layouts and keys', () => {
    const compiled = compile(findTemplate('tiny')?.build() ?? hostileDesign());
    const layout = stateDictLayout(compiled);
    const conv = layout.find((e) => e.op === 'conv' && e.role === 'kernel');
    expect(conv?.key).toMatch(/^[a-z0-9_]+\.weight$/);
    expect(conv?.shape).toHaveLength(4);
    const bn = layout
      .filter((e) => e.opId === layout.find((x) => x.role === 'movingMean')?.opId)
      .map((e) => e.key.split('.')[1]);
    expect(bn).toEqual(['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked']);
  });
});

describe('exportPytorch', () => {
  it('writes model.py, train.py and a README with the studio’s own summary', () => {
    const compiled = compile(findTemplate('tiny')?.build() ?? hostileDesign());
    const pkg = exported(compiled);
    expect(pkg.files.map((f) => f.path)).toEqual([
      'model.py',
      'train.py',
      'predict.py',
      'README.md',
    ]);
    expect(file(pkg, 'README.md')).toContain(
      `{"trainableParams": ${compiled.totals.trainable}, "input": [3, 32, 32], "output": [1, 32, 32]}`,
    );
    expect(file(pkg, 'README.md')).not.toContain('weights.pt');
    expect(file(exported(compiled, true), 'README.md')).toContain('weights.pt');
    expect(file(pkg, 'train.py')).toContain(
      `LEARNING_RATE = ${compiled.design.training.learningRate}`,
    );
  });

  it('refuses a design with errors, quoting the compiler', () => {
    const design = findTemplate('tiny')?.build() ?? hostileDesign();
    const broken = { ...design, model: { ...design.model, edges: design.model.edges.slice(1) } };
    const result = exportPytorch(compile(broken));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/\(PORT_UNCONNECTED\)|\(NO_/);
  });

  it('names modules after the design’s nodes, uniquely', () => {
    const compiled = compile(findTemplate('modelmanager-unet')?.build() ?? hostileDesign());
    const names = Object.values(pytorchModuleNames(compiled));
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z_][a-z0-9_]*$/);
  });

  it('keeps chains in x, names branches, and leaves out layers that reach no output', () => {
    const tiny = compile(findTemplate('tiny')?.build() ?? hostileDesign());
    const plan = planForward(tiny, pytorchModuleNames(tiny));
    expect(plan.statements.filter((s) => s.target === 'x').length).toBeGreaterThan(
      plan.statements.length / 2,
    );
    expect(plan.hasUnusedModules).toBe(false);
    const skips = compile(
      EXPORT_FIXTURES.find((f) => f.name === 'skips')?.build() ?? hostileDesign(),
    );
    // The compiler leaves nodes that reach no output out of the ops, so no module is built for them.
    expect(skips.ops.some((o) => o.nodeId === 'dead')).toBe(false);
    const withDead = planForward(skips, pytorchModuleNames(skips));
    expect(withDead.hasUnusedModules).toBe(false);
    expect(withDead.returns).toHaveLength(2);
    expect(withDead.statements.some((s) => s.op.nodeId === 'dead')).toBe(false);
  });
});

describe('hostile strings', () => {
  const compiled = compile(hostileDesign());
  const pkg = exported(compiled);

  it('keep every user string inside an escaped literal or a one-line comment', () => {
    for (const f of pkg.files.filter((x) => x.path.endsWith('.py'))) {
      const code = f.text.split('\n').map((l) => l.trimStart());
      // Only train.py's and predict.py's own `import os`; user text only in comments and the
      // DESIGN_NAME literal.
      expect(code.filter((l) => /^(import os|os\.system|__import__|exec)/.test(l))).toEqual(
        f.path === 'train.py' || f.path === 'predict.py' ? ['import os'] : [],
      );
      for (const l of code.filter((x) => x.includes('touch pwned')))
        expect(l).toMatch(/^(#|DESIGN_NAME = ")/);
      expect(f.text).not.toMatch(/[\u2028\u2029\u202e]/);
    }
    expect(file(pkg, 'model.py')).toContain(
      'DESIGN_NAME = "\\"); import os; os.system(\\"touch pwned.txt\\") #"',
    );
  });

  it('keep README text inert', () => {
    const readme = file(pkg, 'README.md');
    expect(readme.split('\n')[0]).toBe(
      '# "\\); import os; os.system\\("touch pwned.txt"\\) \\#: PyTorch export',
    );
  });
});
