/**
 * Pass 5, emit: every node's primitive ops in topological order, for the runtime and the
 * exporters. Empty when the design has errors. Nodes that lead to no output (DANGLING_NODE) are
 * left out: they would not be part of any model built from the ops.
 */
import type { PrimitiveOp } from '../lowering/ops';
import type { Shapes } from './shapes';
import type { Structure } from './structure';

/** The ops of all nodes in topological order, or none when `ok` is false. */
export function emitPass(s: Structure, shapes: Shapes, ok: boolean): PrimitiveOp[] {
  if (!ok) return [];
  const ops: PrimitiveOp[] = [];
  for (const id of s.order) {
    if (!s.toOutput.has(id)) continue;
    for (const op of shapes.nodes.get(id)?.ops ?? []) ops.push(op);
  }
  return ops;
}
