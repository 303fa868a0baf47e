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

/** True when `node` asks for a layer norm (a norm node, or a conv block's norm). */
function wantsLayerNorm(node: DesignNode): boolean {
  if (node.kind === 'norm') return node.params.type === 'layer';
  return node.kind === 'conv' && node.params.norm.type === 'layer';
}

/** Reports LAYER_NORM_OPEN_SIZE or LAYER_NORM_TIES_SIZE once per node with a layer norm. */
export function checkLayerNorm(ctx: PassContext, s: Structure, shapes: Shapes): void {
  for (let k = 0; k < s.reached.length; k++) {
    const i = s.reached[k] ?? -1;
    const node = s.nodes[i];
    // Only the nodes that ask for one can have a layer norm op: no walk over every op.
    if (!node || !wantsLayerNorm(node)) continue;
    const ops = shapes.ops[i] ?? shapes.nodes[i]?.ops ?? [];
    let op: NormOp | undefined;
    for (let j = 0; j < ops.length; j++) {
      const o = ops[j];
      if (o?.op === 'norm' && o.norm === 'layer') op = o;
    }
    if (!op) continue;
    const id = node.id;
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
