/**
 * Reading and writing ModelManager configs in their three spellings: a JSON or YAML document
 * `{ model: { name: unet, parameters: {...} } }`, or the Python `create_model` line.
 */
import { Document, isSeq } from 'yaml';
import type { Design } from '../../design/schema';
import {
  importFailure,
  isRecord,
  issuesFromZod,
  type ExportResult,
  type FieldPath,
  type ImportResult,
} from '../result';
import { parseJsonText, parseYamlText, toPrettyJson } from '../text';
import { designToModelManager } from './fromDesign';
import { modelManagerToPython, parsePythonCall } from './python';
import { positionOf } from './pythonTokens';
import {
  describeUnknownModelManagerKey,
  zModelManagerDocument,
  zModelManagerParams,
  type ModelManagerParams,
} from './schema';
import { modelManagerToDesign, type ModelManagerImportOptions } from './toDesign';
import { looksLikeCreateModelCall } from '../textKind';

/** The three spellings. */
export const MODEL_MANAGER_SYNTAXES = ['json', 'yaml', 'python'] as const;
/** One of the three spellings. */
export type ModelManagerSyntax = (typeof MODEL_MANAGER_SYNTAXES)[number];

function describeUnknown(key: string, parent: FieldPath): string {
  if (parent[parent.length - 1] === 'parameters') return describeUnknownModelManagerKey(key);
  return `unknown field "${key}" (model holds name and parameters)`;
}

/** Validates an already-parsed JSON/YAML value as a ModelManager document. */
export function readModelManagerValue(value: unknown): ImportResult<ModelManagerParams> {
  if (!isRecord(value)) return importFailure([], 'expected a document with a "model" section');
  const parsed = zModelManagerDocument.safeParse(value);
  if (!parsed.success)
    return { ok: false, issues: issuesFromZod(parsed.error, [], describeUnknown) };
  return { ok: true, value: parsed.data.model.parameters };
}

function readPython(text: string): ImportResult<ModelManagerParams> {
  const call = parsePythonCall(text);
  if (!call.ok) return call;
  const { model, args, offsets } = call.value;
  if (model.toLowerCase() !== 'unet') {
    return importFailure(
      ['name'],
      `model ${JSON.stringify(model)} is not a U-Net; only 'unet' can be imported`,
    );
  }
  const parsed = zModelManagerParams.safeParse(args);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = issuesFromZod(parsed.error, [], (key) => describeUnknownModelManagerKey(key)).map(
    (issue) => {
      const key = issue.path[0];
      const offset = typeof key === 'string' ? offsets[key] : undefined;
      if (offset === undefined) return issue;
      const { line, column } = positionOf(text, offset);
      return { ...issue, message: `line ${line}, column ${column}: ${issue.message}` };
    },
  );
  return { ok: false, issues };
}

/** Reads ModelManager parameters from text in `syntax`. Never throws. */
export function readModelManager(
  text: string,
  syntax: ModelManagerSyntax,
): ImportResult<ModelManagerParams> {
  if (syntax === 'python') return readPython(text);
  const value = syntax === 'json' ? parseJsonText(text) : parseYamlText(text);
  return value.ok ? readModelManagerValue(value.value) : value;
}

/** Guesses the spelling of a ModelManager config from its text. */
export function detectModelManagerSyntax(text: string): ModelManagerSyntax {
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  if (looksLikeCreateModelCall(text)) return 'python';
  return 'yaml';
}

/** Options of `importModelManager`. */
export interface ModelManagerTextOptions extends ModelManagerImportOptions {
  /** The spelling; guessed from the text when left out. */
  readonly syntax?: ModelManagerSyntax;
}

/**
 * Reads a ModelManager config and builds its design (laid out as a U).
 * @example importModelManager("create_model('unet', features=[8, 16])", { inputSize: [64, 64] })
 */
export function importModelManager(
  text: string,
  options: ModelManagerTextOptions = {},
): ImportResult<Design> {
  const size = options.inputSize;
  if (
    size &&
    !(size.length === 2 && size.every((s) => Number.isInteger(s) && s > 0 && s <= 65536))
  ) {
    return importFailure(
      ['inputSize'],
      'must be two whole numbers between 1 and 65536, height and width',
    );
  }
  const params = readModelManager(text, options.syntax ?? detectModelManagerSyntax(text));
  return params.ok ? { ok: true, value: modelManagerToDesign(params.value, options) } : params;
}

/** Writes parameters in `syntax`, every key explicit. */
export function writeModelManager(params: ModelManagerParams, syntax: ModelManagerSyntax): string {
  if (syntax === 'python') return `${modelManagerToPython(params)}\n`;
  const document = {
    model: { name: 'unet', parameters: { ...params, features: [...params.features] } },
  };
  if (syntax === 'json') return `${toPrettyJson(document)}\n`;
  const yaml = new Document(document);
  const features = yaml.getIn(['model', 'parameters', 'features'], true);
  if (isSeq(features)) features.flow = true;
  return yaml.toString({ flowCollectionPadding: false });
}

/** Exports a design as a ModelManager config in `syntax`, or says which node does not fit. */
export function exportModelManager(
  design: Design,
  syntax: ModelManagerSyntax,
): ExportResult<string> {
  const result = designToModelManager(design);
  return result.ok ? { ok: true, value: writeModelManager(result.value.params, syntax) } : result;
}
