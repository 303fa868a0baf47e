/**
 * Lowers every node reachable from the input, in topological order, through its catalogue spec.
 * A node whose inputs are unknown (unconnected, or downstream of an error) gets no shape and no
 * diagnostic, so one mistake is reported once. The shapes pass and the input-size analysis share it.
 */
import type { CompiledNode, Cost } from '../compiled';
import type { Diagnostic } from '../diagnostics/types';
import type { PrimitiveOp } from '../lowering/ops';
import type { SizeDivision } from '../shape/sizeRules';
import { lowerNode, nodeLowering } from './lowerNode';
import type { Structure } from './structure';

/**
 * One node after lowering: directly its entry in the compiled design's node table, so a compile
 * builds one object per node. Its `cost` is computed with the lowering, while the ops are fresh in
 * the cache: at 10,000 nodes a later walk over every op is bound by memory latency.
 */
export type LoweredNode = CompiledNode;

/** Lowered nodes by node index; undefined for the nodes not reachable from the input. */
export type LoweredNodes = readonly (LoweredNode | undefined)[];

/** How to lower. */
export interface LowerGraphOptions {
  /** Receives each diagnostic (with its node id). */
  readonly report: (d: Diagnostic) => void;
  /** Replaces the input node's spatial size. */
  readonly inputSize?: readonly (number | null)[];
  /** Batch size for the costs (default 1). */
  readonly batch?: number;
  /** Receives every downsampling division, with the node that performs it. */
  readonly onDivision?: (nodeId: string, division: SizeDivision) => void;
}

/** The lowered nodes, the ops of those that lead to an output, and the sums of their costs. */
export interface Lowering {
  readonly nodes: LoweredNodes;
  /** The ops of the lowered nodes that lead to an output, in lowering (topological) order. */
  readonly liveOps: PrimitiveOp[];
  /** The summed costs of the lowered nodes that lead to an output. */
  readonly totals: Cost;
  /** The index of the lowered node with the most activation bytes (-1 when none has a cost). */
  readonly largest: number;
  readonly largestBytes: number;
}

/** Slots of the running sums. */
const TRAINABLE = 0;
const NON_TRAINABLE = 1;
const MACS = 2;
const BYTES = 3;
const LARGEST = 4;
const SUMS = 5;

/**
 * Lowers the graph (the nodes of `s.reached`, in that order). The live ops are listed and the
 * costs summed as the nodes are lowered, while they are fresh in the cache: at 10,000 nodes a
 * later walk over every node is bound by memory latency.
 */
export function lowerGraph(s: Structure, options: LowerGraphOptions): Lowering {
  const out = new Array<LoweredNode | undefined>(s.nodes.length);
  const liveOps: PrimitiveOp[] = [];
  let largest = -1;
  // The sums outgrow small integers on large designs: kept as float64 from the start, so the
  // loop's optimised code does not change representation (and slow down) midway.
  const sums = new Float64Array(SUMS);
  const w = nodeLowering(
    s,
    options.batch ?? 1,
    options.inputSize,
    options.report,
    options.onDivision,
  );
  for (let k = 0; k < s.reached.length; k++) {
    const i = s.reached[k] ?? -1;
    const node = s.nodes[i];
    if (!node) continue;
    const lowered = lowerNode(w, i, node, out);
    out[i] = lowered;
    const { ops, cost } = lowered;
    if (ops === null || cost === null) continue;
    if (largest < 0 || cost.activationBytes > (sums[LARGEST] ?? 0)) {
      largest = i;
      sums[LARGEST] = cost.activationBytes;
    }
    if (s.toOutput[i] !== 1) continue;
    for (let j = 0; j < ops.length; j++) liveOps.push(ops[j] as PrimitiveOp);
    sums[TRAINABLE] = (sums[TRAINABLE] ?? 0) + cost.trainable;
    sums[NON_TRAINABLE] = (sums[NON_TRAINABLE] ?? 0) + cost.nonTrainable;
    sums[MACS] = (sums[MACS] ?? 0) + cost.macs;
    sums[BYTES] = (sums[BYTES] ?? 0) + cost.activationBytes;
  }
  const totals = {
    trainable: sums[TRAINABLE] ?? 0,
    nonTrainable: sums[NON_TRAINABLE] ?? 0,
    macs: sums[MACS] ?? 0,
    activationBytes: sums[BYTES] ?? 0,
  };
  return { nodes: out, liveOps, totals, largest, largestBytes: sums[LARGEST] ?? 0 };
}
