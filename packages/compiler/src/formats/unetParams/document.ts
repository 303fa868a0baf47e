/**
 * Reading and writing heliaEDGE documents: a UNetParams document (`{ "name": "unet",
 * "input_shape": [T, C] or [H, W, C], "num_classes": N, "params": { ...UNetParams } }`), a task
 * config of AmbiqAI's kits holding one, or a bare params object with the input shape and class
 * count given as options (see `locateUNet`).
 */
import type { Design } from '../../design/schema';
import type { ExportResult, FormatIssue, ImportResult } from '../result';
import { parseJsonText, toPrettyJson } from '../text';
import { designToUNetParams } from './fromDesign';
import {
  readUNetParamsValue,
  type UNetParamsConfig,
  type UNetParamsImportOptions,
} from './readValue';
import { UNET_BLOCK_KEYS } from './schema';
import { sourceExtras, UNET_PARAMS_SOURCE_EXTRAS, writeInSourceShape } from './sourceExtras';
import { unetParamsToDesign } from './toDesign';

export {
  readUNetParamsValue,
  zUNetInputShape,
  type UNetParamsConfig,
  type UNetParamsImportOptions,
  type UNetParamsSource,
} from './readValue';

/** A design read from a heliaEDGE document, with the warnings of the read. */
export interface UNetParamsImport {
  readonly design: Design;
  readonly warnings: readonly FormatIssue[];
}

/**
 * Builds the design of a read config; a config read from a document keeps that document in the
 * design's extras, so that its export has the same fields.
 */
export function unetParamsImport(config: UNetParamsConfig, name?: string): UNetParamsImport {
  const design = unetParamsToDesign(config.params, config.inputShape, name);
  if (!config.source) return { design, warnings: config.warnings ?? [] };
  const kept = sourceExtras(config.source);
  return {
    design: { ...design, extras: { ...design.extras, [UNET_PARAMS_SOURCE_EXTRAS]: kept.entries } },
    warnings: [...(config.warnings ?? []), ...kept.warnings],
  };
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
  return { ok: true, value: unetParamsImport(config.value, options.name).design };
}

function ordered<T extends object>(
  value: T,
  keys: readonly (keyof T & string)[],
): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

/**
 * The canonical document of `config` for a design that was not imported from a heliaEDGE
 * document: `{ name: "unet", input_shape, num_classes, params }`, where `params` holds exactly
 * helia-edge's `UNetParams` fields in its order (the model name as `name`).
 */
export function unetParamsDocument(config: UNetParamsConfig): Record<string, unknown> {
  const { params, inputShape } = config;
  const blocks = params.blocks.map((b) => ordered(b, UNET_BLOCK_KEYS));
  return {
    name: 'unet',
    input_shape: [...inputShape],
    num_classes: params.num_classes,
    params: {
      blocks,
      include_top: params.include_top,
      use_logits: params.use_logits,
      name: params.model_name,
      output_kernel_size: params.output_kernel_size,
      output_kernel_stride: params.output_kernel_stride,
    },
  };
}

/** Writes `config` as a canonical UNetParams JSON document, every field explicit. */
export function writeUNetParams(config: UNetParamsConfig): string {
  return `${toPrettyJson(unetParamsDocument(config))}\n`;
}

/**
 * Exports a design as heliaEDGE JSON, or says which node does not fit. A design imported from a
 * heliaEDGE document is written in that document's shape (a task config stays a task config).
 */
export function exportUNetParams(design: Design): ExportResult<string> {
  const result = designToUNetParams(design);
  if (!result.ok) return result;
  const { params, inputShape } = result.value;
  const doc = writeInSourceShape(design, params, inputShape) ?? unetParamsDocument(result.value);
  return { ok: true, value: `${toPrettyJson(doc)}\n` };
}
