/**
 * The `--input` option: a shape such as `572x572x1` (H×W×C), `572x572` (H×W), `256x1` (L×C in
 * 1D) or `256` (L), applied to a design's input node.
 */
import {
  DESIGN_LIMITS,
  excerpt,
  withInputSize,
  type Design,
  type DesignNode,
} from '@unet-studio/compiler';

/**
 * Parses `--input`: 1 to 3 positive whole numbers separated by `x`, `×` or `,`, each within the
 * compiler's limits (sizes and channels up to 65,536).
 */
export function parseInputShape(text: string): number[] | string {
  const shown = excerpt(text, 40);
  const parts = text.split(/[x×,]/i);
  const numbers = parts.map((p) => (/^\s*[0-9]+\s*$/.test(p) ? Number(p) : NaN));
  if (parts.length < 1 || parts.length > 3 || numbers.some((n) => !Number.isInteger(n) || n < 1)) {
    return `--input must look like 572x572x1 (H×W×C), 572x572, 256x1 (L×C) or 256, got "${shown}"`;
  }
  const limit = Math.min(DESIGN_LIMITS.size, DESIGN_LIMITS.channels);
  const over = numbers.find((n) => n > limit);
  if (over !== undefined)
    return `--input ${shown}: ${over.toLocaleString('en-US')} is above the limit of ${limit.toLocaleString('en-US')} for a size or a channel count`;
  return numbers;
}

/** Applies a parsed `--input` shape to `design`, reading it by the design's dimensionality. */
export function applyInputShape(design: Design, shape: readonly number[]): Design | string {
  const input = design.model.nodes.find(
    (n): n is Extract<DesignNode, { kind: 'input' }> => n.kind === 'input',
  );
  if (!input) return 'the design has no input node to resize';
  const dims = input.params.dims;
  const spatial = shape.slice(0, dims);
  const channels = shape.length > dims ? shape[dims] : undefined;
  if (spatial.length < dims || shape.length > dims + 1) {
    return dims === 2
      ? `this design is 2D: give --input as HxW or HxWxC, got ${shape.join('x')}`
      : `this design is 1D: give --input as L or LxC, got ${shape.join('x')}`;
  }
  const resized = withInputSize(design, spatial);
  if (channels === undefined) return resized;
  const nodes = resized.model.nodes.map((n): DesignNode =>
    n.kind === 'input' ? { ...n, params: { ...n.params, channels } } : n,
  );
  return { ...resized, model: { ...resized.model, nodes } };
}
