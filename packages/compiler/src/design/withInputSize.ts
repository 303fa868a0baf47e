/**
 * Replacing the input node's spatial size, the edit behind `setInputSize` and `compile`'s
 * `inputSize` option.
 */
import type { Design, DesignNode } from './schema';

/**
 * A copy of `design` whose input nodes have spatial size `size` (the design itself when it has no
 * input node).
 * @example withInputSize(design, [572, 572]).model.nodes[0].params.size // [572, 572]
 */
export function withInputSize(design: Design, size: readonly (number | null)[]): Design {
  if (!design.model.nodes.some((n) => n.kind === 'input')) return design;
  const nodes = design.model.nodes.map((n): DesignNode =>
    n.kind === 'input' ? { ...n, params: { ...n.params, size: [...size] } } : n,
  );
  return { ...design, model: { ...design.model, nodes } };
}
