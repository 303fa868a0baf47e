/**
 * ModelManager parameters → a design, following the platform's `UNet` (seed 000) layer for layer:
 * DoubleConv levels, max-pool 2, bilinear (align corners) or transposed-conv upsampling, zero-pad
 * alignment, skip-first concatenation and a 1×1 logits head.
 */
import type { z } from 'zod';
import type { zActivationSpec, zNormSpec } from '../../catalogue/common';
import type { Design } from '../../design/schema';
import { addEncoderLevels } from '../encoderLevels';
import { createDesignBuilder } from '../designBuilder';
import type { ModelManagerParams } from './schema';

/** Options of the ModelManager importers. */
export interface ModelManagerImportOptions {
  /** The input's spatial size, which the config does not carry (default 256×256). */
  readonly inputSize?: readonly [number, number];
  /** The design's name (default `ModelManager U-Net`). */
  readonly name?: string;
}

/** The platform's norm layers: BatchNorm2d (eps 1e-5, momentum 0.1) or GroupNorm(min(32, C)). */
export function modelManagerNorm(
  normalization: ModelManagerParams['normalization'],
): z.input<typeof zNormSpec> {
  return normalization === 'groupnorm'
    ? { type: 'group', groups: null, eps: 1e-5, momentum: 0.1 }
    : { type: 'batch', groups: null, eps: 1e-5, momentum: 0.1 };
}

/** The platform's activations: PyTorch defaults (LeakyReLU slope 0.01, ELU alpha 1). */
export function modelManagerActivation(
  activation: ModelManagerParams['activation'],
): z.input<typeof zActivationSpec> {
  if (activation === 'leaky_relu') return { type: 'leaky_relu', alpha: 0.01 };
  if (activation === 'elu') return { type: 'elu', alpha: 1 };
  return { type: 'relu', alpha: null };
}

/**
 * Builds the design of `create_model('unet', **params)`.
 * @example modelManagerToDesign(zModelManagerParams.parse({ features: [8, 16, 32] }))
 */
export function modelManagerToDesign(
  params: ModelManagerParams,
  options: ModelManagerImportOptions = {},
): Design {
  const b = createDesignBuilder();
  const size = options.inputSize ?? [256, 256];
  const block = (filters: number) => ({
    filters,
    kernel: 3,
    padding: 'same' as const,
    bias: 'off' as const,
    depth: 2,
    norm: modelManagerNorm(params.normalization),
    activation: modelManagerActivation(params.activation),
  });
  const features = params.features;
  const levels = features.length - 1;
  let prev = b.add('input', 'input', 'Input', {
    dims: 2,
    channels: params.in_channels,
    size: [...size],
  });
  const encoder = addEncoderLevels(b, prev, features, block);
  const skips = encoder.levels;
  prev = encoder.last;
  for (let level = levels; level >= 1; level--) {
    const width = features[level - 1] as number;
    const up = params.bilinear
      ? b.add('upconv', `up${level}`, `Up ${level}`, {
          mode: 'bilinear',
          factor: 2,
          alignCorners: true,
        })
      : b.add('upconv', `up${level}`, `Up ${level}`, {
          mode: 'transposed',
          factor: 2,
          kernel: 2,
          filters: width,
          bias: true,
        });
    b.connect(prev, up);
    const skip = b.add('skip', `skip${level}`, `Skip ${level}`, {
      merge: 'concat',
      align: 'pad',
      order: 'skip-first',
    });
    b.connect(skips[level - 1] as string, skip, 'skip');
    b.connect(up, skip, 'up');
    const dec = b.add('conv', `dec${level}`, `Decoder ${level}`, block(width));
    b.connect(skip, dec);
    prev = dec;
  }
  const head = b.add('output', 'output', 'Output', {
    classes: params.out_channels,
    conv: true,
    kernel: 1,
    bias: true,
    activation: 'none',
  });
  b.connect(prev, head);
  return b.build({
    name: options.name ?? 'ModelManager U-Net',
    description:
      `create_model('unet', in_channels=${params.in_channels}, out_channels=${params.out_channels}, ` +
      `features=[${features.join(', ')}], activation='${params.activation}', ` +
      `normalization='${params.normalization}', bilinear=${params.bilinear ? 'True' : 'False'}): ` +
      'the low-code platform U-Net (seed 000).',
  });
}
