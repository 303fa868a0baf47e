/**
 * The low-code platform's U-Net config (seed 000): `create_model('unet', **parameters)`.
 * Field semantics follow the platform's `UNet.__init__`; see docs/config-formats.md.
 */
import { z } from 'zod';

/** Activations the platform knows (any other string silently becomes identity there; we reject it). */
export const MODEL_MANAGER_ACTIVATIONS = ['relu', 'leaky_relu', 'elu'] as const;
/** Normalisations the platform knows (same silent identity fallback; rejected here). */
export const MODEL_MANAGER_NORMALIZATIONS = ['batchnorm', 'groupnorm'] as const;
/** Every parameter key, in the order of the platform's signature (positional arguments follow it). */
export const MODEL_MANAGER_KEYS = [
  'in_channels',
  'out_channels',
  'features',
  'activation',
  'normalization',
  'bilinear',
] as const;

/** The platform code's default `features` (its docs say `[64, 128, 256, 512, 1024]`; the code wins). */
export const MODEL_MANAGER_DEFAULT_FEATURES = [64, 128, 256, 512] as const;

const zChannels = z
  .number({ error: 'must be a whole number of channels' })
  .int('must be a whole number of channels')
  .min(1, 'must be at least 1')
  .max(65536, 'must be at most 65536');

const oneOf = (field: string, allowed: readonly string[]) => (issue: { input?: unknown }) =>
  `${field} ${JSON.stringify(issue.input)} is not supported; use one of ${allowed.map((a) => `'${a}'`).join(', ')}`;

/** `create_model('unet', ...)` keyword arguments, with the platform's defaults. */
export const zModelManagerParams = z.strictObject({
  in_channels: zChannels.default(3),
  out_channels: zChannels.default(1),
  /** Widths per level, top first; the last entry is the bottleneck. */
  features: z
    .array(zChannels, { error: 'must be a list of channel counts' })
    .min(1, 'needs at least one level')
    .max(10, 'at most 10 levels (9 poolings)')
    .default(() => [...MODEL_MANAGER_DEFAULT_FEATURES]),
  activation: z
    .enum(MODEL_MANAGER_ACTIVATIONS, { error: oneOf('activation', MODEL_MANAGER_ACTIVATIONS) })
    .default('relu'),
  normalization: z
    .enum(MODEL_MANAGER_NORMALIZATIONS, {
      error: oneOf('normalization', MODEL_MANAGER_NORMALIZATIONS),
    })
    .default('batchnorm'),
  bilinear: z.boolean({ error: 'must be True or False' }).default(true),
});
/** Fully defaulted ModelManager parameters. */
export type ModelManagerParams = z.infer<typeof zModelManagerParams>;
/** ModelManager parameters as written (any key may be missing). */
export type ModelManagerParamsInput = z.input<typeof zModelManagerParams>;

/** The JSON/YAML document: `{ model: { name: unet, parameters: {...} } }`. */
export const zModelManagerDocument = z.object({
  model: z.strictObject(
    {
      name: z
        .string({ error: "must be the model's name, 'unet'" })
        .refine((name) => name.toLowerCase() === 'unet', {
          error: (issue) =>
            `model ${JSON.stringify(issue.input)} is not a U-Net; only 'unet' can be imported`,
        }),
      parameters: zModelManagerParams.default(() => zModelManagerParams.parse({})),
    },
    { error: 'must be an object with name and parameters' },
  ),
});

/** Explains an unknown parameter key, listing the ones the platform accepts. */
export function describeUnknownModelManagerKey(key: string): string {
  return `unknown parameter "${key}" (the platform's UNet accepts ${MODEL_MANAGER_KEYS.join(', ')})`;
}
