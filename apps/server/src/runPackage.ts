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
