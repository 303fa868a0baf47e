/**
 * Lowers every node reachable from the input, in topological order, through its catalogue spec.
 * A node whose inputs are unknown (unconnected, or downstream of an error) gets no shape and no
 * diagnostic, so one mistake is reported once. The shapes pass and the input-size analysis share it.
 */
import type { Cost } from '../compiled';
import type { Diagnostic } from '../diagnostics/types';
import type { PrimitiveOp } from '../lowering/ops';
import type { SizeDivision } from '../shape/sizeRules';
import { lowerAgain, lowerNode, nodeLowering, type NodeEntry, type OpsSource } from './lowerNode';
import type { Structure } from './structure';

/**
 * One node after lowering: directly its entry in the compiled design's node table, so a compile
 * builds one object per node. Its `cost` is computed with the lowering, while the ops are fresh in
 * the cache: at 10,000 nodes a later walk over every op is bound by memory latency.
 */
export type LoweredNode = NodeEntry;

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
  /** Keep every node's ops in `Lowering.ops` for the passes that read them (default false). */
  readonly keepOps?: boolean;
}

/** The lowered nodes and the sums of their costs. */
export interface Lowering {
  readonly nodes: LoweredNodes;
  /** Each lowered node's ops by node index, when asked for with `keepOps` (else empty). */
  readonly ops: readonly (readonly PrimitiveOp[] | null | undefined)[];
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
 * Lowers the graph (the nodes of `s.reached`, in that order). The costs are summed as the nodes
 * are lowered, while they are fresh in the cache: at 10,000 nodes a later walk over every node is
 * bound by memory latency.
 */
export function lowerGraph(s: Structure, options: LowerGraphOptions): Lowering {
  const out = new Array<LoweredNode | undefined>(s.nodes.length);
  const kept =
    options.keepOps === true ? new Array<readonly PrimitiveOp[] | null>(s.nodes.length) : [];
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
  const source = relowering(s, out, options.inputSize);
  for (let k = 0; k < s.reached.length; k++) {
    const i = s.reached[k] ?? -1;
    const node = s.nodes[i];
    if (!node) continue;
    const lowered = lowerNode(w, i, node, out, source);
    out[i] = lowered;
    if (options.keepOps === true) kept[i] = w.lastOps;
    const cost = lowered.cost;
    if (cost === null) continue;
    if (largest < 0 || cost.activationBytes > (sums[LARGEST] ?? 0)) {
      largest = i;
      sums[LARGEST] = cost.activationBytes;
    }
    if (s.toOutput[i] !== 1) continue;
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
  return { nodes: out, ops: kept, totals, largest, largestBytes: sums[LARGEST] ?? 0 };
}

/**
 * Where the entries of one lowering get their ops on first read: the nodes lowered again, silently,
 * with the lowering's input size (the walk's shared state is made on the first read).
 */
function relowering(
  s: Structure,
  nodes: LoweredNodes,
  inputSize: readonly (number | null)[] | undefined,
): OpsSource {
  let w: ReturnType<typeof nodeLowering> | null = null;
  return {
    ops: (index) => {
      w ??= nodeLowering(s, 1, inputSize, () => undefined, undefined);
      return lowerAgain(w, index, nodes);
    },
  };
}

/** The ops of the lowered nodes that lead to an output, in lowering (topological) order. */
export function liveOps(s: Structure, nodes: LoweredNodes): PrimitiveOp[] {
  const ops: PrimitiveOp[] = [];
  for (let k = 0; k < s.reached.length; k++) {
    const i = s.reached[k] ?? -1;
    if (s.toOutput[i] !== 1) continue;
    const nodeOps = nodes[i]?.ops;
    if (nodeOps) for (let j = 0; j < nodeOps.length; j++) ops.push(nodeOps[j] as PrimitiveOp);
  }
  return ops;
}
