/**
 * Reading any supported document by its content: a U-Net Studio design, a ModelManager config
 * (JSON, YAML or the Python line) or a UNetParams document. The file name is never trusted.
 */
import { parseDesign } from '../design/parseDesign';
import { DESIGN_FORMAT, type Design } from '../design/schema';
import { importModelManager, readModelManagerValue } from './modelManager/document';
import { modelManagerWarnings } from './modelManager/platformBug';
import { modelManagerToDesign } from './modelManager/toDesign';
import { importFailure, isRecord, type FormatIssue, type ImportResult } from './result';
import { parseJsonText, parseYamlText } from './text';
import { looksLikeCreateModelCall } from './textKind';
import {
  readUNetParamsValue,
  unetParamsImport,
  type UNetParamsImportOptions,
} from './unetParams/document';
import { locateUNet } from './unetParams/locate';

/** The document kinds `importAny` recognises. */
export const DOCUMENT_KINDS = [
  'design',
  'model-manager-json',
  'model-manager-yaml',
  'model-manager-python',
  'unet-params',
] as const;
/** A recognised document kind. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Options of `importAny`: the input size for configs that do not carry one. */
export interface ImportAnyOptions extends UNetParamsImportOptions {
  /** Spatial size for ModelManager configs (default 256×256). */
  readonly inputSize?: readonly [number, number];
}

/** A design read from any supported document, with the kind it was and what to tell the user. */
export interface ImportedDocument {
  readonly kind: DocumentKind;
  readonly design: Design;
  /** Things that do not stop the import but change or may surprise (unknown keys, assumptions). */
  readonly warnings: readonly FormatIssue[];
}

function fromUNetParams(value: unknown, options: ImportAnyOptions): ImportResult<ImportedDocument> {
  const config = readUNetParamsValue(value, options);
  if (!config.ok) return config;
  const { design, warnings } = unetParamsImport(config.value, options.name);
  return { ok: true, value: { kind: 'unet-params', design, warnings } };
}

function fromModelManager(
  value: Record<string, unknown>,
  kind: 'model-manager-json' | 'model-manager-yaml',
  options: ImportAnyOptions,
): ImportResult<ImportedDocument> {
  const params = readModelManagerValue(value);
  if (!params.ok) return params;
  const design = modelManagerToDesign(params.value, options);
  return { ok: true, value: { kind, design, warnings: modelManagerWarnings(design) } };
}

function fromJson(value: unknown, options: ImportAnyOptions): ImportResult<ImportedDocument> {
  if (!isRecord(value))
    return importFailure(
      [],
      'expected a JSON object: a design, a ModelManager config or a UNetParams document',
    );
  if (value.format === DESIGN_FORMAT || (isRecord(value.model) && 'nodes' in value.model)) {
    const parsed = parseDesign(value);
    if (parsed.ok)
      return { ok: true, value: { kind: 'design', design: parsed.value, warnings: [] } };
    return {
      ok: false,
      issues: parsed.issues.map((i) => ({
        path: i.path === '' ? [] : [i.path],
        message: i.message,
      })),
    };
  }
  if (locateUNet(value)) return fromUNetParams(value, options);
  if (isRecord(value.model)) return fromModelManager(value, 'model-manager-json', options);
  return importFailure(
    [],
    'not a design ("format": "unet-studio/design"), a ModelManager config ("model"), a UNetParams document ("params") or a task config with a U-Net ("architecture": {"name": "unet", "params": …})',
  );
}

/**
 * Reads `text` as whichever supported document it holds and builds its design.
 * @example importAny(readFileSync('unet.yaml', 'utf8'), { inputSize: [128, 128] })
 */
export function importAny(
  text: string,
  options: ImportAnyOptions = {},
): ImportResult<ImportedDocument> {
  const clean = text.replace(/^\uFEFF/, '');
  const start = clean.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    const value = parseJsonText(start);
    return value.ok ? fromJson(value.value, options) : value;
  }
  if (looksLikeCreateModelCall(clean)) {
    const design = importModelManager(clean, { ...options, syntax: 'python' });
    return design.ok
      ? {
          ok: true,
          value: {
            kind: 'model-manager-python',
            design: design.value,
            warnings: modelManagerWarnings(design.value),
          },
        }
      : design;
  }
  const value = parseYamlText(clean);
  if (!value.ok) return value;
  if (locateUNet(value.value)) return fromUNetParams(value.value, options);
  if (isRecord(value.value) && 'model' in value.value)
    return fromModelManager(value.value, 'model-manager-yaml', options);
  return importFailure(
    [],
    'not a design, a ModelManager config (JSON, YAML or a create_model line), a UNetParams document or a task config with a U-Net',
  );
}
