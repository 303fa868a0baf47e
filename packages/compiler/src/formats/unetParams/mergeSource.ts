/**
 * Writing the design's UNetParams back into the document it was imported from: every field the
 * source had keeps its own spelling while it still means what the design says (`ddepth: 1` stays
 * 1, `pool: 3` stays 3 on a 1D input, `name` stays `name`), unknown keys stay as they were, a field
 * the source left out is added only when the design no longer has heliaEDGE's default, and the
 * input size and class count go back where the source had them, or nowhere.
 */
import { isRecord } from '../result';
import {
  UNET_BLOCK_KEYS,
  zUNetBlock,
  zUNetParams,
  type UNetBlock,
  type UNetParams,
} from './schema';

type Json = Record<string, unknown>;

/** A size as a `[h, w]` pair in the input's spelling (1D: an integer k means `[1, k]`). */
function pairOf(v: unknown, dims: 1 | 2): unknown {
  if (typeof v === 'number') return dims === 1 ? [1, v] : [v, v];
  return v;
}

const SIZE_FIELDS = new Set([
  'kernel',
  'pool',
  'strides',
  'dilation',
  'output_kernel_size',
  'output_kernel_stride',
]);

/** The meaning of a field's value, so two spellings of one value compare equal. */
function meaning(field: string, v: unknown, dims: 1 | 2, depth: number): string {
  let m: unknown = v === undefined ? null : v;
  if (field === 'ddepth' && (m === 0 || m === depth)) m = null;
  if (field === 'dropout' && m === 0) m = null;
  if (SIZE_FIELDS.has(field) && m !== null) m = pairOf(m, dims);
  if (field === 'dilation' && Array.isArray(m) && m.every((x) => x === 1)) m = null;
  if (field === 'dilation' && dims === 1 && Array.isArray(m)) m = [1, m[1]];
  return JSON.stringify(m);
}

function same(field: string, a: unknown, b: unknown, dims: 1 | 2, depth: number): boolean {
  return meaning(field, a, dims, depth) === meaning(field, b, dims, depth);
}

const plain = (v: unknown): unknown => (Array.isArray(v) ? [...(v as unknown[])] : v);

function mergeFields(
  raw: Json,
  value: Record<string, unknown>,
  defaults: Record<string, unknown>,
  fields: readonly string[],
  dims: 1 | 2,
  depth: number,
): Json {
  const out: Json = {};
  for (const [key, was] of Object.entries(raw)) {
    if (!fields.includes(key)) out[key] = was;
    else out[key] = same(key, was, value[key], dims, depth) ? was : plain(value[key]);
  }
  for (const key of fields) {
    if (key in raw || value[key] === undefined) continue;
    if (!same(key, defaults[key], value[key], dims, depth)) out[key] = plain(value[key]);
  }
  return out;
}

function mergeBlock(raw: Json, block: UNetBlock, dims: 1 | 2): Json {
  const defaults = zUNetBlock.parse({ filters: block.filters });
  const fresh = 'filters' in raw ? raw : { filters: block.filters, ...raw };
  return mergeFields(fresh, block, defaults, UNET_BLOCK_KEYS, dims, block.depth);
}

const PARAMS_FIELDS = [
  'include_top',
  'use_logits',
  'output_kernel_size',
  'output_kernel_stride',
] as const;

/**
 * The params object to write for `params`, in the shape of the source's `raw` params.
 * @example mergeParams({ blocks: [{ filters: 8, ddepth: 1 }] }, params, 1) // ddepth stays 1
 */
export function mergeParams(raw: Json, params: UNetParams, dims: 1 | 2): Json {
  const rawBlocks = Array.isArray(raw.blocks) ? (raw.blocks as unknown[]) : [];
  const blocks = params.blocks.map((b, i) => {
    const was = rawBlocks[i];
    return mergeBlock(isRecord(was) ? was : {}, b, dims);
  });
  const defaults = zUNetParams.parse({ blocks: [{ filters: 1 }], num_classes: 1 });
  const merged = mergeFields(raw, params, defaults, PARAMS_FIELDS, dims, 0);
  const out: Json = {};
  for (const [key, was] of Object.entries({ blocks: null, ...merged })) {
    if (key === 'blocks') out.blocks = blocks;
    else if (key === 'name' || key === 'model_name') out[key] = params.model_name;
    else if (key === 'num_classes') out[key] = params.num_classes;
    else out[key] = was;
  }
  if (!('name' in raw) && !('model_name' in raw) && params.model_name !== defaults.model_name)
    out.name = params.model_name;
  // Keep the source's key order: blocks where the source had them.
  if ('blocks' in raw)
    return Object.fromEntries(Object.keys({ ...raw, ...out }).map((k) => [k, out[k]]));
  return out;
}
