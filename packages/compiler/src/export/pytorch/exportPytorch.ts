/**
 * The PyTorch exporter: a compiled design in, the files of a self-contained package out
 * (model.py, train.py, README.md). Pure: the designer builds the same package in the browser,
 * the CLI writes it to disk.
 */
import type { CompiledDesign } from '../../compiled';
import { modelFacts, modelPy, type ModelFacts } from './modelPy';
import { readmeMd } from './readmeMd';
import { predictPy } from './predictPy';
import { trainPy } from './trainPy';

/** One file of the package, its path relative to the package folder. */
export interface PytorchFile {
  readonly path: string;
  readonly text: string;
}

/** The generated package. */
export interface PytorchPackage {
  readonly files: readonly PytorchFile[];
  readonly facts: ModelFacts;
}

/** Options of {@link exportPytorch}. */
export interface PytorchExportOptions {
  /** The package will also hold a converted `weights.pt` (the README then explains it). */
  readonly withWeights?: boolean;
}

/** The exporter's result: the package, or why the design cannot be exported. */
export type PytorchExportResult =
  | { readonly ok: true; readonly value: PytorchPackage }
  | { readonly ok: false; readonly errors: readonly string[] };

function blockers(compiled: CompiledDesign): string[] {
  if (!compiled.ok) {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    return errors.length > 0
      ? errors.map(
          (d) => `${d.nodeId !== undefined ? `${d.nodeId}: ` : ''}${d.message} (${d.code})`,
        )
      : ['the design does not compile'];
  }
  const problems: string[] = [];
  if (compiled.ops.length === 0) problems.push('the design compiles to no operations');
  if (!compiled.ops.some((op) => op.op === 'input')) problems.push('the design has no input');
  if (compiled.outputIds.length === 0) problems.push('the design has no output');
  for (const op of compiled.ops) {
    if (
      op.op === 'norm' &&
      op.norm === 'layer' &&
      op.shape.spatial.some((d) => typeof d !== 'number')
    ) {
      problems.push(`${op.nodeId}: layer norm needs a fixed input size`);
    }
  }
  return problems;
}

/**
 * Exports a compiled design as a PyTorch package.
 *
 * @param compiled the output of `compile()`; a design with error diagnostics is refused.
 * @returns the files (model.py, train.py, predict.py for 2D designs, README.md), or the reasons the design cannot be exported.
 * @example
 * const result = exportPytorch(compile(design));
 * if (result.ok) for (const f of result.value.files) write(f.path, f.text);
 */
export function exportPytorch(
  compiled: CompiledDesign,
  options: PytorchExportOptions = {},
): PytorchExportResult {
  const errors = blockers(compiled);
  if (errors.length > 0) return { ok: false, errors };
  const facts = modelFacts(compiled);
  return {
    ok: true,
    value: {
      facts,
      files: [
        { path: 'model.py', text: modelPy(compiled) },
        { path: 'train.py', text: trainPy(compiled) },
        // Full-size prediction tiles images: 2D designs only.
        ...(facts.input.length === 3 ? [{ path: 'predict.py', text: predictPy(compiled) }] : []),
        { path: 'README.md', text: readmeMd(compiled, facts, options.withWeights ?? false) },
      ],
    },
  };
}
