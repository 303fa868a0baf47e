/**
 * The imported document a design came from, kept in `extras["unet-params-source"]` (flattened,
 * see `flattenJson`) with where its U-Net and its context sit, so that exporting an unedited
 * import gives back the same fields, and an edited one changes only what the edit changed.
 */
import type { Design, ExtraValue } from '../../design/schema';
import { isRecord, type FieldPath, type FormatIssue } from '../result';
import { flattenJson, unflattenJson } from './flatJson';
import { mergeParams } from './mergeSource';
import type { UNetParamsSource } from './readValue';
import type { UNetParams } from './schema';
import type { UNetInputShape } from './toDesign';

/** The key of the source document in `Design['extras']`. */
export const UNET_PARAMS_SOURCE_EXTRAS = 'unet-params-source';

/**
 * The extras entries of `source`, and a warning per field too deep to keep.
 * @example sourceExtras(config.source).entries['@params'] // '["architecture","params"]'
 */
export function sourceExtras(source: UNetParamsSource): {
  entries: Record<string, ExtraValue>;
  warnings: FormatIssue[];
} {
  const { location } = source;
  const flat = flattenJson(source.document);
  const entries: Record<string, ExtraValue> = {
    '@params': JSON.stringify(location.paramsPath),
    '@input': location.input ? JSON.stringify([location.input.form, location.input.path]) : null,
    '@classes': location.classes ? JSON.stringify(location.classes.path) : null,
    ...flat.entries,
  };
  const warnings = flat.dropped.map((path) => ({
    path: [],
    message: `field ${path} is nested too deeply to keep in the design; an export leaves it out`,
  }));
  return { entries, warnings };
}

const isPath = (v: unknown): v is FieldPath =>
  Array.isArray(v) && v.every((k) => typeof k === 'string' || typeof k === 'number');

function parse(text: ExtraValue | undefined): unknown {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function setAt(doc: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node: unknown = doc;
  for (const key of path.slice(0, -1)) {
    const next: unknown =
      isRecord(node) || Array.isArray(node)
        ? (node as Record<string | number, unknown>)[key]
        : undefined;
    if (!isRecord(next) && !Array.isArray(next)) return;
    node = next;
  }
  const last = path[path.length - 1];
  if (last !== undefined && (isRecord(node) || Array.isArray(node)))
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

function getAt(doc: unknown, path: FieldPath): unknown {
  let node = doc;
  for (const key of path)
    node =
      isRecord(node) || Array.isArray(node)
        ? (node as Record<string | number, unknown>)[key]
        : undefined;
  return node;
}

/**
 * The document to write for `params` and `inputShape` in the shape of the design's source, or
 * null when the design was not imported from a heliaEDGE document.
 */
export function writeInSourceShape(
  design: Design,
  params: UNetParams,
  inputShape: UNetInputShape,
): Record<string, unknown> | null {
  const extras = design.extras[UNET_PARAMS_SOURCE_EXTRAS];
  const paramsPath = parse(extras?.['@params']);
  if (!extras || !isPath(paramsPath)) return null;
  const doc = unflattenJson(extras);
  const dims = inputShape.length === 2 ? 1 : 2;
  const raw = getAt(doc, paramsPath);
  const merged = mergeParams(isRecord(raw) ? raw : {}, params, dims);
  if (paramsPath.length === 0) return merged;
  setAt(doc, paramsPath, merged);
  const input = parse(extras['@input']);
  if (Array.isArray(input) && isPath(input[1])) {
    setAt(doc, input[1], input[0] === 'frame' ? inputShape[0] : [...inputShape]);
  }
  const classes = parse(extras['@classes']);
  if (isPath(classes)) setAt(doc, classes, params.num_classes);
  return doc;
}
