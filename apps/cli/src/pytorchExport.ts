/**
 * `unet-studio export <source> --to pytorch -o DIR`: writes the PyTorch package of a design,
 * config or template (model.py, train.py, README.md), or of a trained model directory, which
 * adds its weights as weights.pt.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { compile, exportPytorch, type CompiledDesign, type Design } from '@unet-studio/compiler';
import {
  parseModelInfo,
  pytorchWeightsFromArtifacts,
  topologyDifference,
} from '@unet-studio/runtime';
import { readModelDirectory } from '@unet-studio/runtime/node';
import { EXIT, type Io } from './command';
import { loadAnyDesign } from './loadAnyDesign';

/** What `export --to pytorch` was given. */
export interface PytorchExportRequest {
  /** A design or config file, `template:NAME`, or a trained model directory (holding model.json). */
  readonly source: string;
  /** The `-o` folder; required, since the package is several files. */
  readonly outDir: string | undefined;
  /** The `--input` option's text (designs and configs only). */
  readonly input?: string;
}

const PREFIX = 'unet-studio export';

async function isModelDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory() && (await stat(join(path, 'model.json'))).isFile();
  } catch {
    return false;
  }
}

type Source =
  | {
      ok: true;
      design: Design;
      label: string;
      weights: ((c: CompiledDesign) => Uint8Array | string[]) | null;
      warn: string[];
    }
  | { ok: false; code: number; lines: string[] };

async function readTrainedModel(dir: string, label: string): Promise<Source> {
  let artifacts;
  try {
    artifacts = await readModelDirectory(dir);
  } catch (error) {
    return {
      ok: false,
      code: EXIT.unreadable,
      lines: [error instanceof Error ? error.message : String(error)],
    };
  }
  const info = parseModelInfo(artifacts.userDefinedMetadata);
  if (!info.ok)
    return { ok: false, code: EXIT.unreadable, lines: info.issues.map((i) => `${label}: ${i}`) };
  // The export rebuilds the design; a topology that is another network would export a model
  // that is not the one `evaluate` scores.
  const difference = await topologyDifference(artifacts.modelTopology, info.value.design);
  if (difference !== null)
    return {
      ok: false,
      code: EXIT.unreadable,
      lines: [`${label}: the model is not the network of its embedded design: ${difference}`],
    };
  const warn: string[] = [];
  const weights = (compiled: CompiledDesign): Uint8Array | string[] => {
    const result = pytorchWeightsFromArtifacts(artifacts, compiled);
    if (!result.ok) return result.errors.map((e) => `${label}: ${e}`);
    if (result.value.unused.length > 0)
      warn.push(`weights with no place in the PyTorch model: ${result.value.unused.join(', ')}`);
    return result.value.bytes;
  };
  return { ok: true, design: info.value.design, label, weights, warn };
}

async function readSource(request: PytorchExportRequest, cwd: string): Promise<Source> {
  const path = resolve(cwd, request.source);
  if (!request.source.startsWith('template:') && (await isModelDirectory(path))) {
    if (request.input !== undefined) {
      return {
        ok: false,
        code: EXIT.unreadable,
        lines: ['--input: a trained model keeps the input size it was trained at'],
      };
    }
    return readTrainedModel(path, request.source);
  }
  const loaded = await loadAnyDesign(request.source, cwd, { input: request.input });
  if (!loaded.ok) return { ok: false, code: EXIT.unreadable, lines: [...loaded.lines] };
  return { ok: true, design: loaded.design, label: loaded.label, weights: null, warn: [] };
}

/**
 * Runs `export --to pytorch`: reads the source, compiles it, writes the package into `outDir`.
 *
 * @returns the exit code: 0 when written, 1 when the design has errors or the weights do not
 * convert, 2 when the source cannot be read or the folder cannot be written.
 */
export async function exportPytorchPackage(request: PytorchExportRequest, io: Io): Promise<number> {
  if (request.outDir === undefined || request.outDir === '') {
    io.err(`${PREFIX}: --to pytorch writes a folder (model.py, train.py, README.md): give -o DIR`);
    return EXIT.unreadable;
  }
  const source = await readSource(request, io.cwd);
  if (!source.ok) {
    for (const line of source.lines) io.err(`${PREFIX}: ${line}`);
    return source.code;
  }
  const compiled = compile(source.design);
  const pkg = exportPytorch(compiled, { withWeights: source.weights !== null });
  if (!pkg.ok) {
    io.err(`${PREFIX}: ${source.label} cannot be exported to PyTorch:`);
    for (const e of pkg.errors) io.err(`  ${e}`);
    return EXIT.errors;
  }
  const files: { path: string; data: string | Uint8Array }[] = pkg.value.files.map((f) => ({
    path: f.path,
    data: f.text,
  }));
  if (source.weights) {
    const bytes = source.weights(compiled);
    if (Array.isArray(bytes)) {
      io.err(`${PREFIX}: the trained weights do not fit the design:`);
      for (const e of bytes) io.err(`  ${e}`);
      return EXIT.errors;
    }
    files.push({ path: 'weights.pt', data: bytes });
  }
  const dir = resolve(io.cwd, request.outDir);
  try {
    await mkdir(dir, { recursive: true });
    for (const f of files) await writeFile(join(dir, f.path), f.data);
  } catch (error) {
    io.err(
      `${PREFIX}: cannot write ${request.outDir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
    return EXIT.unreadable;
  }
  for (const w of source.warn) io.err(`${PREFIX}: warning: ${w}`);
  io.err(`wrote ${files.map((f) => join(request.outDir ?? '', f.path)).join(', ')} (pytorch)`);
  io.err(
    `check it: cd ${request.outDir} && python3 model.py --summary${source.weights ? ' --weights weights.pt' : ''}`,
  );
  return EXIT.ok;
}
