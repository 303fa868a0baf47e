/**
 * Python names for a compiled design's ops: one identifier per op, used both as the `nn.Module`
 * attribute (and so as the state-dict key prefix) and as the forward() variable holding the op's
 * output. Names follow the design's nodes, so `Encoder 1`'s first conv becomes `encoder_1_conv0`.
 */
import type { CompiledDesign } from '../../compiled';
import { pyIdent } from './pyLiteral';

/**
 * Names that a generated identifier must not take: forward() locals and helpers of model.py, and
 * `nn.Module` members an attribute would shadow.
 */
const RESERVED = new Set([
  'x', 'self', 'torch', 'nn', 'F', 'json', 'argparse', 'sys', 'math', 'outputs', 'in_h', 'in_w',
  'in_l',
  'tf_same_pads', 'tf_same_pad', 'tf_max_pool_same', 'tf_avg_pool_same', 'SeparableConv',
  'SpatialLayerNorm', 'Model', 'build_model', 'summary', 'main', 'INPUT_SHAPE', 'DESIGN_NAME',
  'add_module', 'apply', 'bfloat16', 'buffers', 'children', 'cpu', 'cuda', 'double', 'dump_patches',
  'eval', 'extra_repr', 'float', 'forward', 'get_buffer', 'get_extra_state', 'get_parameter',
  'get_submodule', 'half', 'ipu', 'load_state_dict', 'modules', 'named_buffers', 'named_children',
  'named_modules', 'named_parameters', 'parameters', 'register_backward_hook', 'register_buffer',
  'register_forward_hook', 'register_forward_pre_hook', 'register_full_backward_hook',
  'register_module', 'register_parameter', 'requires_grad_', 'set_extra_state', 'share_memory',
  'state_dict', 'to', 'to_empty', 'train', 'training', 'type', 'xpu', 'zero_grad', 'compile',
]); // prettier-ignore

/** The human label of a node: its name when set, else its id. */
export function nodeLabel(compiled: CompiledDesign, nodeId: string): string {
  const name = compiled.nodes[nodeId]?.name.trim();
  return name !== undefined && name !== '' ? name : nodeId;
}

/**
 * One unique Python identifier per op id, `<node>_<local>` where `<node>` is the sanitised node
 * name (or id) and `<local>` the part of the op id after the node id (`conv0`, `bn1`, …).
 * Collisions get `_2`, `_3`, … in op order, so the mapping is deterministic.
 *
 * @returns op id → identifier, for every op of `compiled.ops`.
 */
export function pytorchModuleNames(compiled: CompiledDesign): Readonly<Record<string, string>> {
  const names: Record<string, string> = {};
  const taken = new Set<string>();
  for (const op of compiled.ops) {
    const slash = op.id.indexOf('/');
    const local = slash >= 0 ? op.id.slice(slash + 1) : op.op;
    const base = `${pyIdent(nodeLabel(compiled, op.nodeId))}_${pyIdent(local, op.op)}`;
    let name = base;
    for (let n = 2; taken.has(name) || RESERVED.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    names[op.id] = name;
  }
  return names;
}
