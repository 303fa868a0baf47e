/**
 * Shared zod building blocks for layer parameters.
 *
 * Spatial values (kernel, stride, window, dilation, factor) are written either as one integer
 * used on every spatial axis, or as a per-axis array: `[k]` in 1D, `[kh, kw]` in 2D. A 1D design
 * also accepts the heliaEDGE spelling `[1, k]` (height 1); the compiler normalises it.
 */
import { z } from 'zod';

/** A positive integer, or one positive integer per spatial axis. */
export const zSpatialInt = z.union([
  z.number().int().positive(),
  z.array(z.number().int().positive()).min(1).max(2),
]);
/** The parsed form of `zSpatialInt`. */
export type SpatialInt = z.infer<typeof zSpatialInt>;

/** Padding mode, with TensorFlow semantics: `same` keeps ceil(n / stride), `valid` uses no padding. */
export const zPadding = z.enum(['same', 'valid']);
/** The parsed form of `zPadding`. */
export type Padding = z.infer<typeof zPadding>;

/** Activation functions offered everywhere an activation can be chosen. */
export const ACTIVATIONS = [
  'relu',
  'relu6',
  'leaky_relu',
  'elu',
  'selu',
  'gelu',
  'sigmoid',
  'tanh',
  'none',
] as const;
/** Schema of an activation name. */
export const zActivationType = z.enum(ACTIVATIONS);
/** The parsed form of `zActivationType`. */
export type ActivationType = z.infer<typeof zActivationType>;

/**
 * An activation with its parameter. `alpha` is the negative slope of `leaky_relu` (default 0.01,
 * PyTorch's and the seeds' value, not tfjs's 0.3) or the alpha of `elu` (default 1).
 */
export const zActivationSpec = z.object({
  type: zActivationType.default('relu'),
  alpha: z.number().nonnegative().nullable().default(null),
});
/** The parsed form of `zActivationSpec`. */
export type ActivationSpec = z.infer<typeof zActivationSpec>;

/** Normalisation kinds. `layer` follows heliaEDGE: statistics over the spatial axes, affine (H, W). */
export const NORMS = ['batch', 'group', 'layer', 'instance', 'none'] as const;
/** Schema of a normalisation kind. */
export const zNormType = z.enum(NORMS);
/** The parsed form of `zNormType`. */
export type NormType = z.infer<typeof zNormType>;

/**
 * A normalisation with its hyper-parameters.
 * - `groups`: GroupNorm groups; `null` means min(32, C), the low-code platform's rule.
 * - `eps`: added to the variance. PyTorch's default is 1e-5, Keras's 1e-3.
 * - `momentum`: weight of the new batch statistics in the running averages (PyTorch convention:
 *   0.1; Keras's momentum 0.99 is 0.01 here).
 */
export const zNormSpec = z.object({
  type: zNormType.default('batch'),
  groups: z.number().int().positive().nullable().default(null),
  eps: z.number().positive().default(1e-5),
  momentum: z.number().min(0).max(1).default(0.1),
});
/** The parsed form of `zNormSpec`. */
export type NormSpec = z.infer<typeof zNormSpec>;

/** Whether a conv carries a bias: `auto` means only when the block has no normalisation. */
export const zBiasMode = z.enum(['auto', 'on', 'off']);
/** The parsed form of `zBiasMode`. */
export type BiasMode = z.infer<typeof zBiasMode>;
