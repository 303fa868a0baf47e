/**
 * Compile → package: the design compiled with the studio's compiler and written as the PyTorch
 * package of the exporter, with the design itself, into the run folder.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  compile,
  exportPytorch,
  parseDesign,
  serializeDesign,
  type CompiledDesign,
  type Design,
} from '@unet-studio/compiler';

/** A design ready to train, or why it is not. */
export type CompileResult =
  | { readonly ok: true; readonly design: Design; readonly compiled: CompiledDesign }
  | { readonly ok: false; readonly errors: readonly string[] };

/**
 * Parses (with migrations) and compiles an untrusted design, and checks that it exports to
 * PyTorch.
 *
 * @returns the compiled design, or every reason it cannot be trained, each naming its field or node.
 */
export function compileForRun(json: unknown): CompileResult {
  const parsed = parseDesign(json);
  if (!parsed.ok) {
    return { ok: false, errors: parsed.issues.map((i) => `${i.path || 'design'}: ${i.message}`) };
  }
  const compiled = compile(parsed.value);
  const exported = exportPytorch(compiled);
  if (!exported.ok) return { ok: false, errors: exported.errors };
  return { ok: true, design: parsed.value, compiled };
}

/**
 * Why `design` cannot train at the spatial `size`, or an empty list when it can (the size must
 * have the design's number of axes and give valid shapes through the network).
 */
export function sizeProblems(design: Design, size: readonly number[]): string[] {
  const compiled = compile(design);
  const input = compiled.inputId === null ? null : compiled.nodes[compiled.inputId]?.shape;
  if (input && input.spatial.length !== size.length)
    return [
      `settings.size: the design's input has ${input.spatial.length} spatial axes, the size gives ${size.length}`,
    ];
  const sized = compile(design, { inputSize: size });
  return sized.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => `settings.size ${size.join('×')}: ${d.nodeId ? `${d.nodeId}: ` : ''}${d.message}`);
}

/** The folder inside a run folder that holds the PyTorch package. */
export const PACKAGE_DIR = 'package';

/**
 * Writes `design.json` and the PyTorch package (`package/model.py`, `train.py`, `README.md`)
 * into a run folder.
 */
export async function writeRunPackage(runDir: string, compiled: CompiledDesign): Promise<void> {
  const exported = exportPytorch(compiled);
  if (!exported.ok) throw new Error(exported.errors.join('; '));
  await mkdir(join(runDir, PACKAGE_DIR), { recursive: true });
  await writeFile(join(runDir, 'design.json'), serializeDesign(compiled.design));
  for (const file of exported.value.files) {
    await writeFile(join(runDir, PACKAGE_DIR, file.path), file.text);
  }
}
