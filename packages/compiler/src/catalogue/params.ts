/**
 * Parameter schemas of every node kind, with their defaults. `zXxxParams.parse({})` gives the
 * defaults a node gets when it is dropped on the canvas.
 */
import { z } from 'zod';
import {
  zActivationSpec,
  zActivationType,
  zBiasMode,
  zNormSpec,
  zPadding,
  zSpatialInt,
} from './common';

/** The network input: 1D (length × channels) or 2D (height × width × channels). */
export const zInputParams = z.object({
  dims: z.union([z.literal(1), z.literal(2)]).default(2),
  channels: z.number().int().positive().default(3),
  /** One entry per spatial axis; `null` leaves that size open (symbolic). */
  size: z.array(z.number().int().positive().nullable()).min(1).max(2).default([64, 64]),
});
/** The parsed form of `zInputParams`. */
export type InputParams = z.infer<typeof zInputParams>;

/** The head: a conv producing `classes` channels, then an optional activation. */
export const zOutputParams = z.object({
  classes: z.number().int().positive().default(1),
  /** `false` passes its input through unchanged (heliaEDGE `include_top: false`). */
  conv: z.boolean().default(true),
  kernel: zSpatialInt.default(1),
  bias: z.boolean().default(true),
  activation: z.enum(['none', 'sigmoid', 'softmax']).default('none'),
});
/** The parsed form of `zOutputParams`. */
export type OutputParams = z.infer<typeof zOutputParams>;

/** A conv block: `depth` × (conv → norm → activation), optional dropout and residual projection. */
export const zConvParams = z.object({
  filters: z.number().int().positive().default(64),
  kernel: zSpatialInt.default(3),
  /** Stride of the block's first conv; the others use stride 1. */
  stride: zSpatialInt.default(1),
  padding: zPadding.default('same'),
  dilation: zSpatialInt.default(1),
  /**
   * How dilation grows inside the block: `constant` uses `dilation` for every conv;
   * `exponential` gives conv d (0-based) `dilation ** d`, the heliaEDGE rule.
   */
  dilationGrowth: z.enum(['constant', 'exponential']).default('constant'),
  separable: z.boolean().default(false),
  bias: zBiasMode.default('auto'),
  depth: z.number().int().min(1).max(16).default(2),
  norm: zNormSpec.default({ type: 'batch', groups: null, eps: 1e-5, momentum: 0.1 }),
  activation: zActivationSpec.default({ type: 'relu', alpha: null }),
  /** Dropout after the last activation (before the residual add); 0 disables it. */
  dropout: z.number().min(0).max(0.99).default(0),
  /** Adds a 1×1 projection (with bias) of the block input to the block output, as heliaEDGE. */
  residual: z.boolean().default(false),
});
/** The parsed form of `zConvParams`. */
export type ConvParams = z.infer<typeof zConvParams>;

/** Max or average pooling. `stride: null` means the window size. */
export const zPoolParams = z.object({
  mode: z.enum(['max', 'avg']).default('max'),
  window: zSpatialInt.default(2),
  stride: zSpatialInt.nullable().default(null),
  padding: zPadding.default('valid'),
});
/** The parsed form of `zPoolParams`. */
export type PoolParams = z.infer<typeof zPoolParams>;

/**
 * Upsampling: a transposed conv, or interpolation (nearest | bilinear) optionally followed by a conv.
 * - `factor`: the upsampling factor (the transposed conv's stride).
 * - `kernel`: the transposed conv's kernel (`null`: equal to the factor) or the post-interpolation conv's.
 * - `filters`: output channels of the transposed conv or of the post conv; `null` keeps the input's.
 * - `conv`: interpolation modes only: add a conv after interpolating.
 * - `alignCorners`: bilinear only (the low-code platform uses `true`; PyTorch's default is `false`).
 */
export const zUpconvParams = z.object({
  mode: z.enum(['transposed', 'nearest', 'bilinear']).default('transposed'),
  factor: zSpatialInt.default(2),
  kernel: zSpatialInt.nullable().default(null),
  filters: z.number().int().positive().nullable().default(null),
  padding: zPadding.default('same'),
  bias: z.boolean().default(true),
  conv: z.boolean().default(false),
  alignCorners: z.boolean().default(false),
});
/** The parsed form of `zUpconvParams`. */
export type UpconvParams = z.infer<typeof zUpconvParams>;

/**
 * The merge of an encoder feature (port `skip`) and a decoder feature (port `up`).
 * - `merge`: concatenate channels, or add.
 * - `align`: what happens when the two spatial sizes differ: `crop` the skip to the decoder size
 *   (the paper), zero-`pad` the decoder map to the skip size (the low-code platform), `resize` the
 *   decoder map to the skip size (bilinear, the basic PyTorch U-Net), or `none` (sizes must match).
 * - `order`: which tensor comes first in the concatenation.
 */
export const zSkipParams = z.object({
  merge: z.enum(['concat', 'add']).default('concat'),
  align: z.enum(['crop', 'pad', 'resize', 'none']).default('none'),
  order: z.enum(['skip-first', 'up-first']).default('skip-first'),
});
/** The parsed form of `zSkipParams`. */
export type SkipParams = z.infer<typeof zSkipParams>;

/** Stand-alone dropout. `spatial` drops whole channels. */
export const zDropoutParams = z.object({
  rate: z.number().min(0).max(0.99).default(0.5),
  spatial: z.boolean().default(false),
});
/** The parsed form of `zDropoutParams`. */
export type DropoutParams = z.infer<typeof zDropoutParams>;

/** Stand-alone normalisation. */
export const zNormParams = zNormSpec;
/** The parsed form of `zNormParams`. */
export type NormParams = z.infer<typeof zNormParams>;

/** Stand-alone activation. */
export const zActivationParams = z.object({
  type: zActivationType.default('relu'),
  alpha: z.number().nonnegative().nullable().default(null),
});
/** The parsed form of `zActivationParams`. */
export type ActivationParams = z.infer<typeof zActivationParams>;

/** Element-wise sum of its two inputs (ports `a` and `b`), which must have the same shape. */
export const zAddParams = z.object({});
/** The parsed form of `zAddParams`. */
export type AddParams = z.infer<typeof zAddParams>;

/** Every node kind's parameter schema, keyed by kind. */
export const PARAM_SCHEMAS = {
  input: zInputParams,
  output: zOutputParams,
  conv: zConvParams,
  pool: zPoolParams,
  upconv: zUpconvParams,
  skip: zSkipParams,
  dropout: zDropoutParams,
  norm: zNormParams,
  activation: zActivationParams,
  add: zAddParams,
} as const;

/** The node kinds. */
export type LayerKind = keyof typeof PARAM_SCHEMAS;
/** Every node kind, in catalogue order. */
export const LAYER_KINDS = Object.keys(PARAM_SCHEMAS) as LayerKind[];

/** Fully defaulted parameters of each kind. */
export type ParamsOf<K extends LayerKind> = z.infer<(typeof PARAM_SCHEMAS)[K]>;
