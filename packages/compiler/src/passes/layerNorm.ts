/**
 * Layer norm (heliaEDGE: statistics over the spatial axes) has affine parameters shaped like the
 * spatial sizes, so it ties the model to one input size: an error with an open size, a warning
 * otherwise.
 */
import type { DesignNode } from '../design/schema';
import { diagnostic } from '../diagnostics/make';
import type { NormOp } from '../lowering/ops';
import type { Fix } from '../diagnostics/types';
import { isConcrete } from '../shape/dim';
import { formatDim } from '../shape/dimMath';
import type { PassContext } from './context';
import type { Shapes } from './shapes';
import type { Structure } from './structure';

function instanceFix(node: DesignNode): Fix | undefined {
  if (node.kind === 'norm') {
    return {
      label: 'Use instance norm',
      edits: [{ op: 'setParams', nodeId: node.id, params: { type: 'instance' } }],
    };
  }
  if (node.kind === 'conv') {
    const norm = { ...node.params.norm, type: 'instance' };
    return {
      label: 'Use instance norm',
      edits: [{ op: 'setParams', nodeId: node.id, params: { norm } }],
    };
  }
  return undefined;
}

/** Reports LAYER_NORM_OPEN_SIZE or LAYER_NORM_TIES_SIZE once per node with a layer norm. */
export function checkLayerNorm(ctx: PassContext, s: Structure, shapes: Shapes): void {
  for (const [id, lowered] of shapes.nodes) {
    let op: NormOp | undefined;
    for (const o of lowered.ops ?? []) if (o.op === 'norm' && o.norm === 'layer') op = o;
    const node = s.nodes.get(id);
    if (!op || !node) continue;
    const open = op.shape.spatial.some((d) => !isConcrete(d));
    ctx.report(
      open
        ? diagnostic(
            'LAYER_NORM_OPEN_SIZE',
            `'${id}' uses layer norm, whose parameters have the shape of the feature map: give the input a fixed size, or use instance norm.`,
            { nodeId: id },
            instanceFix(node),
          )
        : diagnostic(
            'LAYER_NORM_TIES_SIZE',
            `'${id}' uses layer norm over ${op.shape.spatial.map(formatDim).join('×')} maps: the trained model only accepts this input size.`,
            { nodeId: id },
            instanceFix(node),
          ),
    );
  }
}
