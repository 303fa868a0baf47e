/**
 * The canonical form of UNetParams: what U-Net Studio writes, and what a config means.
 *
 * - 1D (`input_shape: [T, C]`): sizes are `[1, k]` pairs. An integer `pool` or `dilation` means the
 *   same as `[1, k]` there and is rewritten so; an integer kernel above 1 would be a k×k kernel on a
 *   height-1 map and an integer stride above 1 breaks heliaEDGE's skip concat, so both are rejected.
 * - `ddepth` 0 or equal to `depth` becomes null (both fall back to `depth`); `dropout` 0 and
 *   `dilation` 1 become null (no dropout layer, no dilation).
 */
import type { FieldPath, FormatIssue, ImportResult } from '../result';
import type { HeliaSize, UNetBlock, UNetParams } from './schema';

const isOne = (v: HeliaSize | null): boolean =>
  v === null || (typeof v === 'number' ? v === 1 : v[0] === 1 && v[1] === 1);

/** Rewrites `value` as a 1D pair `[1, k]`, or explains why it cannot be one. */
function pair1D(
  value: HeliaSize,
  path: FieldPath,
  intMeaning: 'same' | 'kernel' | 'stride',
  issues: FormatIssue[],
): HeliaSize {
  if (typeof value !== 'number') {
    if (value[0] !== 1) {
      issues.push({
        path,
        message: `[${value.join(', ')}] on a 1D input: the height entry must be 1, as in [1, ${value[1]}]`,
      });
    }
    return value;
  }
  if (value === 1 || intMeaning === 'same') return [1, value];
  const why =
    intMeaning === 'kernel'
      ? `heliaEDGE would build a ${value}×${value} kernel on the height-1 map`
      : `heliaEDGE's UpSampling2D(${value}) would make the height ${value} and the skip concat fails`;
  issues.push({ path, message: `${value} on a 1D input: ${why}; write [1, ${value}]` });
  return value;
}

function canonicalBlock(
  block: UNetBlock,
  dims: 1 | 2,
  path: FieldPath,
  issues: FormatIssue[],
): UNetBlock {
  const ddepth = block.ddepth === 0 || block.ddepth === block.depth ? null : block.ddepth;
  const dropout = block.dropout === 0 ? null : block.dropout;
  let dilation = isOne(block.dilation) ? null : block.dilation;
  let { kernel, pool, strides } = block;
  if (dims === 1) {
    kernel = pair1D(kernel, [...path, 'kernel'], 'kernel', issues);
    pool = pair1D(pool, [...path, 'pool'], 'same', issues);
    strides = pair1D(strides, [...path, 'strides'], 'stride', issues);
    // The kernel's height is 1, so a height dilation changes nothing.
    if (dilation !== null) dilation = [1, typeof dilation === 'number' ? dilation : dilation[1]];
    if (dilation !== null && dilation[1] === 1) dilation = null;
  }
  return { ...block, ddepth, dropout, dilation, kernel, pool, strides };
}

/**
 * Brings parsed UNetParams to canonical form for an input of `dims` spatial axes.
 * @returns the canonical params, or issues with the path of each bad field (under `prefix`).
 */
export function canonicalUNetParams(
  params: UNetParams,
  dims: 1 | 2,
  prefix: FieldPath,
): ImportResult<UNetParams> {
  const issues: FormatIssue[] = [];
  const blocks = params.blocks.map((b, i) =>
    canonicalBlock(b, dims, [...prefix, 'blocks', i], issues),
  );
  // Without the head the kernel is never built, so an integer only needs rewriting.
  const headMeaning = params.include_top ? 'kernel' : 'same';
  const output_kernel_size =
    dims === 1
      ? pair1D(params.output_kernel_size, [...prefix, 'output_kernel_size'], headMeaning, issues)
      : params.output_kernel_size;
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...params, blocks, output_kernel_size } };
}
