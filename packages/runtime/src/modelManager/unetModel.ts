/**
 * The built-in `unet` model: the low-code platform's U-Net (seed 000), built by importing its
 * parameters with the compiler's ModelManager importer, compiling the design and building it.
 * Unlike the platform, unknown activations or normalisations are errors, never a silent identity.
 */
import {
  MODEL_MANAGER_ACTIVATIONS,
  MODEL_MANAGER_NORMALIZATIONS,
  compile,
  describeUnknownModelManagerKey,
  formatIssue,
  issuesFromZod,
  modelManagerToDesign,
  zModelManagerParams,
} from '@unet-studio/compiler';
import { buildModel } from '../build/buildModel';
import type { Hyperparameter, ModelEntry, ModelFactory } from './types';

const defaults = zModelManagerParams.parse({});

/** The `unet` hyperparameters, with the platform code's defaults. */
export const UNET_HYPERPARAMETERS: readonly Hyperparameter[] = [
  {
    name: 'in_channels',
    type: 'int',
    default: defaults.in_channels,
    description: 'Channels of the input image.',
  },
  {
    name: 'out_channels',
    type: 'int',
    default: defaults.out_channels,
    description: 'Output channels (classes); the head is a 1×1 conv giving raw logits.',
  },
  {
    name: 'features',
    type: 'int[]',
    default: defaults.features,
    description:
      'Width of each level, top first; the last entry is the bottleneck, so n entries mean n − 1 poolings.',
  },
  {
    name: 'activation',
    type: 'string',
    default: defaults.activation,
    allowed: MODEL_MANAGER_ACTIVATIONS,
    description: 'Activation after every conv + norm (leaky_relu: slope 0.01; elu: alpha 1).',
  },
  {
    name: 'normalization',
    type: 'string',
    default: defaults.normalization,
    allowed: MODEL_MANAGER_NORMALIZATIONS,
    description: 'Norm after every conv: BatchNorm, or GroupNorm with min(32, C) groups.',
  },
  {
    name: 'bilinear',
    type: 'bool',
    default: defaults.bilinear,
    description:
      'Upsample with bilinear interpolation (align corners) instead of 2×2 transposed convs.',
  },
];

function checkInputSize(size: unknown): [number, number] {
  const ok =
    Array.isArray(size) &&
    size.length === 2 &&
    size.every((n) => typeof n === 'number' && Number.isInteger(n) && n > 0);
  if (!ok)
    throw new Error(`inputSize must be [height, width] in pixels, got ${JSON.stringify(size)}`);
  return [size[0] as number, size[1] as number];
}

/** Builds the platform U-Net from `create_model('unet', **params)` keyword parameters. */
export const createUnet: ModelFactory = (params, options) => {
  const parsed = zModelManagerParams.safeParse(params);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error, [], (key) => describeUnknownModelManagerKey(key));
    throw new Error(issues.map(formatIssue).join('; '));
  }
  const inputSize = checkInputSize(options.inputSize ?? [256, 256]);
  const compiled = compile(modelManagerToDesign(parsed.data, { inputSize }));
  if (!compiled.ok) {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw new Error(errors.join('; '));
  }
  return buildModel(compiled, { seed: options.seed, kernelInitializer: options.kernelInitializer });
};

/** The registry entry of the built-in `unet`. */
export const UNET_ENTRY: ModelEntry = {
  factory: createUnet,
  hyperparameters: UNET_HYPERPARAMETERS,
};
