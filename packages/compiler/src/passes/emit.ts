/**
 * Pass 5, emit: every node's primitive ops in topological order, for the runtime and the
 * exporters (the shapes pass lists them as it lowers). Empty when the design has errors. Nodes
 * that lead to no output (DANGLING_NODE) are left out: they would not be part of any model built
 * from the ops.
 */
import type { PrimitiveOp } from '../lowering/ops';
import type { Shapes } from './shapes';

/** The ops of all nodes that lead to an output, in topological order, or none when `ok` is false. */
export function emitPass(shapes: Shapes, ok: boolean): PrimitiveOp[] {
  return ok ? shapes.liveOps : [];
}
