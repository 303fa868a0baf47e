/**
 * Loads whatever a command was given: `template:<name>`, a design JSON, a ModelManager config
 * (JSON, YAML or a file holding the Python line) or a UNetParams JSON, recognised by content.
 * Files are treated as hostile: size-checked, never evaluated, every problem reported with the
 * path of the bad field.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  excerpt,
  findTemplate,
  formatIssue,
  importAny,
  MAX_TEXT_LENGTH,
  TEMPLATES,
  type Design,
  type DesignNode,
  type DocumentKind,
} from '@unet-studio/compiler';
import { positiveInt } from './args';
import { applyInputShape, parseInputShape } from './inputShape';

/** A loaded design and where it came from. */
export type Loaded =
  | {
      readonly ok: true;
      readonly design: Design;
      readonly kind: DocumentKind | 'template';
      readonly label: string;
      /** The importer's warnings, one line each (`path: message`). */
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly lines: readonly string[] };

/** Options of `loadAnyDesign`. */
export interface LoadOptions {
  /** The `--input` option's text, applied after loading. */
  readonly input?: string;
  /** The `--classes` option's text: the class count of a config that has none, or a new one. */
  readonly classes?: string;
}

function applyClasses(design: Design, classes: number): Design {
  const nodes = design.model.nodes.map((n): DesignNode =>
    n.kind === 'output' ? { ...n, params: { ...n.params, classes } } : n,
  );
  return { ...design, model: { ...design.model, nodes } };
}

const failure = (...lines: string[]): Loaded => ({ ok: false, lines });

async function readText(path: string): Promise<string | Loaded> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return failure(`${path}: not a regular file`);
    if (info.size > MAX_TEXT_LENGTH)
      return failure(
        `${path}: ${(info.size / 1024 / 1024).toFixed(1)} MiB; a design or config is read up to 8 MiB`,
      );
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    return failure(`${path}: cannot read (${why})`);
  }
}

/**
 * Loads `pathOrTemplate` (relative to `cwd`) as a design.
 * @example await loadAnyDesign('template:tiny', process.cwd())
 */
export async function loadAnyDesign(
  pathOrTemplate: string,
  cwd: string,
  options: LoadOptions = {},
): Promise<Loaded> {
  const shape = options.input === undefined ? undefined : parseInputShape(options.input);
  if (typeof shape === 'string') return failure(shape);
  const classes = positiveInt(options.classes, 'classes', 0);
  if (typeof classes === 'string') return failure(classes);
  let loaded: Loaded;
  if (pathOrTemplate.startsWith('template:')) {
    const name = pathOrTemplate.slice('template:'.length);
    const template = findTemplate(name);
    if (!template)
      return failure(
        `unknown template "${excerpt(name, 40)}"; templates: ${TEMPLATES.map((t) => t.name).join(', ')}`,
      );
    loaded = {
      ok: true,
      design: template.build(),
      kind: 'template',
      label: pathOrTemplate,
      warnings: [],
    };
  } else {
    const path = resolve(cwd, pathOrTemplate);
    const text = await readText(path);
    if (typeof text !== 'string') return text;
    const size =
      shape && shape.length >= 2 ? ([shape[0], shape[1]] as [number, number]) : undefined;
    // A bare heliaEDGE params object takes its input shape from --input ([T, C] or [H, W, C]).
    const inputShape =
      shape && shape.length >= 2
        ? (shape as [number, number] | [number, number, number])
        : undefined;
    const numClasses = classes > 0 ? classes : undefined;
    const imported = importAny(text, { inputSize: size, inputShape, numClasses });
    if (!imported.ok)
      return failure(...imported.issues.map((i) => `${pathOrTemplate}: ${formatIssue(i)}`));
    loaded = {
      ok: true,
      design: imported.value.design,
      kind: imported.value.kind,
      label: pathOrTemplate,
      warnings: imported.value.warnings.map(formatIssue),
    };
  }
  if (classes > 0) loaded = { ...loaded, design: applyClasses(loaded.design, classes) };
  if (!shape) return loaded;
  const resized = applyInputShape(loaded.design, shape);
  return typeof resized === 'string'
    ? failure(`--input: ${resized}`)
    : { ...loaded, design: resized };
}
