/**
 * The layer catalogue's contract: one plain object per node kind. The palette, inspector, compiler,
 * runtime and exporters all read it.
 */
import type { z } from 'zod';
import type { Cost } from '../compiled';
import type { Diagnostic } from '../diagnostics/types';
import type { PrimitiveOp } from '../lowering/ops';
import type { Shape } from '../shape/shape';
import type { DivisionSink } from '../shape/sizeRules';
import type { LayerKind, ParamsOf } from './params';

/** A named port. */
export interface PortSpec {
  readonly name: string;
  readonly label: string;
}

/** Palette groups. */
export type LayerCategory =
  'io' | 'convolution' | 'sampling' | 'merge' | 'regularization' | 'activation';

/** Trainable and non-trainable parameter counts (PyTorch's and Keras's counting). */
export interface ParamCount {
  readonly trainable: number;
  readonly nonTrainable: number;
}

/**
 * What a node kind's lowering gets: its params, its input shapes by port, and the design's dims.
 * Valid only during the call to `lower`: the compiler reuses one context (and one `inputOps`
 * record per kind) from node to node, so a lowering must not keep it or its records.
 */
export interface LowerContext<K extends LayerKind> {
  readonly nodeId: string;
  readonly params: ParamsOf<K>;
  /** Input shapes by port name (every required port is present). */
  readonly inputs: Readonly<Record<string, Shape>>;
  /** Op ids producing each input port's tensor. */
  readonly inputOps: Readonly<Record<string, string>>;
  readonly dims: 1 | 2;
  /** Report a diagnostic about this node (`nodeId` is filled in). */
  readonly report: (d: Omit<Diagnostic, 'nodeId'>) => void;
  /**
   * Receives every division of a spatial size by a stride above 1 (downsampling), so the compiler
   * can check that it is exact and derive the input-size rule. Optional.
   */
  readonly onDivision?: DivisionSink;
  /** True when the design has a valid-padded conv (used to pick fixes, e.g. crop vs pad). */
  readonly validPadding?: boolean;
}

/** The result of lowering one node: its primitive ops (last op = the node's output), or null on error. */
export type LowerResult = { readonly ops: readonly PrimitiveOp[]; readonly shape: Shape } | null;

/** One node kind. */
export interface LayerSpec<K extends LayerKind> {
  readonly kind: K;
  readonly label: string;
  readonly category: LayerCategory;
  /** One sentence for the palette tooltip. */
  readonly description: string;
  /** Colour of the node header and its output port. */
  readonly color: string;
  readonly params: z.ZodType<ParamsOf<K>, unknown>;
  /** Units and help per parameter, for the inspector (e.g. `{ filters: 'channels' }`). */
  readonly paramHelp: Readonly<Partial<Record<keyof ParamsOf<K> & string, string>>>;
  readonly inputs: readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
  /** The shape rule and the lowering to primitive ops. Pure. */
  lower(ctx: LowerContext<K>): LowerResult;
  /** Trainable and non-trainable parameter counts, derived from `lower` (null when it fails). */
  paramCount(input: LayerCostInput<K>): ParamCount | null;
  /** Parameters, MACs and activation bytes, derived from `lower` (null when it fails). */
  cost(input: LayerCostInput<K>): Cost | null;
}

/** What a layer's derived cost functions take. */
export interface LayerCostInput<K extends LayerKind> {
  readonly params: ParamsOf<K>;
  /** Input shapes by port name. */
  readonly inputs: Readonly<Record<string, Shape>>;
  /** Spatial dimensionality (default: the number of spatial sizes of the first input, else 2). */
  readonly dims?: 1 | 2;
  /** Batch size for MACs and activation bytes (default 1). */
  readonly batch?: number;
}

/** A layer spec before its derived functions are attached by `defineLayer`. */
export type LayerDefinition<K extends LayerKind> = Omit<LayerSpec<K>, 'paramCount' | 'cost'>;

/** The catalogue type: every kind has exactly one spec. */
export type Catalogue = { readonly [K in LayerKind]: LayerSpec<K> };
