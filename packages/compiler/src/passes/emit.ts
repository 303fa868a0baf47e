/**
 * Pass 5, emit: every node's primitive ops in topological order, for the runtime and the
 * exporters. Empty when the design has errors. Nodes that lead to no output (DANGLING_NODE) are
 * left out: they would not be part of any model built from the ops. The list is made when first
 * read (see `NodeEntry`): checking a design as it is edited needs no ops.
 */
import type { PrimitiveOp } from '../lowering/ops';
import { liveOps } from './lowerGraph';
import type { Shapes } from './shapes';
import type { Structure } from './structure';

/** The ops of all nodes that lead to an output, in topological order, or none when `ok` is false. */
export function emitPass(s: Structure, shapes: Shapes, ok: boolean): () => PrimitiveOp[] {
  // Only the node entries are kept: the lowering's other tables are not part of the result.
  const nodes = shapes.nodes;
  let ops: PrimitiveOp[] | null = null;
  return () => (ops ??= ok ? liveOps(s, nodes) : []);
}
