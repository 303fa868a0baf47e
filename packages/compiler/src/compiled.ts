/**
 * The compiler's output: everything the canvas shows and the runtime and exporters need.
 */
import type { LayerKind } from './catalogue/params';
import type { ParamCount } from './catalogue/types';
import type { Design, DesignNode } from './design/schema';
import type { Diagnostic } from './diagnostics/types';
import type { PrimitiveOp } from './lowering/ops';
import type { Shape } from './shape/shape';

/**
 * Cost figures for a node or a whole design, at the compile's input size and batch. A figure that
 * depends on an open (symbolic) input size is `NaN`: MACs and activation bytes always, and the
 * parameters of a layer norm.
 */
export interface Cost extends ParamCount {
  /** Multiply-adds of one forward pass for the whole batch. */
  readonly macs: number;
  /** Bytes of float32 activations this node (or the design) produces for the whole batch. */
  readonly activationBytes: number;
}

/**
 * One compiled node. `shape`, `ops` and `cost` are null when its inputs or params are invalid.
 * `ops` is made when first read (by lowering the node again, with no diagnostics) and then kept:
 * checking a design as it is edited reads shapes, costs and diagnostics, never ops.
 */
export interface CompiledNode {
  readonly id: string;
  readonly kind: LayerKind;
  readonly name: string;
  readonly node: DesignNode;
  /** Input shapes by port. */
  readonly inputs: Readonly<Record<string, Shape | null>>;
  readonly shape: Shape | null;
  readonly ops: readonly PrimitiveOp[] | null;
  /**
   * The op whose output is this node's output: its last op, or, for a node that lowers to no op
   * (an activation or norm of type `none`, a dropout of rate 0), the op feeding its input.
   */
  readonly outputOp: string | null;
  readonly cost: Cost | null;
}

/** The sizes one spatial axis of the input accepts: `n ≡ r (mod modulus)` for an r in `residues`, `n ≥ min`. */
export interface AxisSizeRule {
  /** Axis name: `H`, `W` or `L`. */
  readonly axis: string;
  readonly modulus: number;
  readonly residues: readonly number[];
  /** The smallest accepted size (null when none was found). */
  readonly min: number | null;
  /** The rule in words, e.g. `H ≡ 12 (mod 16), H ≥ 188`. */
  readonly text: string;
}

/** The compiled design. */
export interface CompiledDesign {
  /** The design as compiled (after the optional input-size/batch override). */
  readonly design: Design;
  /** True when there is no error-severity diagnostic. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  readonly dims: 1 | 2;
  /** Node ids in topological order (reachable nodes only). */
  readonly order: readonly string[];
  readonly nodes: Readonly<Record<string, CompiledNode>>;
  /** The tensor shape carried by each edge (null when unknown). */
  readonly edgeShapes: Readonly<Record<string, Shape | null>>;
  readonly inputId: string | null;
  readonly outputIds: readonly string[];
  /**
   * All primitive ops of the nodes that lead to an output, in topological order (empty unless
   * `ok`): made on first read from the nodes' `ops`, then the same list on every read.
   */
  readonly ops: readonly PrimitiveOp[];
  readonly batch: number;
  readonly totals: Cost;
  /** The input sizes the network accepts, per axis (null when it could not be derived). */
  readonly sizeRule: readonly AxisSizeRule[] | null;
}

/** Options of `compile`. */
export interface CompileOptions {
  /** Replace the input node's spatial size (e.g. `[572, 572]`). */
  readonly inputSize?: readonly (number | null)[];
  /** Batch size for cost figures (default 1). */
  readonly batch?: number;
}
