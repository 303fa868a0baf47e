/**
 * The classic U-Net with transposed-conv upsampling that halves the channels (the paper's, the
 * basic PyTorch one's and Carvana's): DoubleConv levels, max-pool 2, up-conv 2×2 stride 2, skip
 * concatenated, DoubleConv, 1×1 head. Padding, bias, norm, the skip alignment and the
 * concatenation order vary with the reference implementation.
 */
import type { z } from 'zod';
import type { zNormSpec } from '../catalogue/common';
import type { SkipParams } from '../catalogue/params';
import type { Design, TrainingSpec } from '../design/schema';
import { addEncoderLevels } from '../formats/encoderLevels';
import { createDesignBuilder } from '../formats/designBuilder';

/** What varies between the classic U-Nets. */
export interface ClassicUNetSpec {
  /** Widths per level, top first, bottleneck last. */
  readonly features: readonly number[];
  readonly inChannels: number;
  readonly outChannels: number;
  readonly inputSize: readonly [number, number];
  readonly padding: 'same' | 'valid';
  readonly bias: 'on' | 'off';
  readonly norm: z.input<typeof zNormSpec>;
  readonly align: SkipParams['align'];
  /** Concatenation order of the merge: the reference implementation's. */
  readonly order: SkipParams['order'];
  readonly name: string;
  readonly description: string;
  readonly training?: Partial<TrainingSpec>;
}

/** Builds a classic U-Net design (ids `enc1…`, `bottleneck`, `up…`, `skip…`, `dec…`, `output`). */
export function classicUNet(spec: ClassicUNetSpec): Design {
  const b = createDesignBuilder();
  const block = (filters: number) => ({
    filters,
    kernel: 3,
    padding: spec.padding,
    bias: spec.bias,
    depth: 2,
    norm: spec.norm,
    activation: { type: 'relu' as const, alpha: null },
  });
  const levels = spec.features.length - 1;
  let prev = b.add('input', 'input', 'Input', {
    dims: 2,
    channels: spec.inChannels,
    size: [...spec.inputSize],
  });
  const encoder = addEncoderLevels(b, prev, spec.features, block);
  const skips = encoder.levels;
  prev = encoder.last;
  for (let level = levels; level >= 1; level--) {
    const width = spec.features[level - 1] as number;
    const up = b.add('upconv', `up${level}`, `Up ${level}`, {
      mode: 'transposed',
      factor: 2,
      kernel: 2,
      filters: width,
      bias: true,
    });
    b.connect(prev, up);
    const skip = b.add('skip', `skip${level}`, `Skip ${level}`, {
      merge: 'concat',
      align: spec.align,
      order: spec.order,
    });
    b.connect(skips[level - 1] as string, skip, 'skip');
    b.connect(up, skip, 'up');
    const dec = b.add('conv', `dec${level}`, `Decoder ${level}`, block(width));
    b.connect(skip, dec);
    prev = dec;
  }
  const head = b.add('output', 'output', 'Output', {
    classes: spec.outChannels,
    kernel: 1,
    bias: true,
    activation: 'none',
  });
  b.connect(prev, head);
  return b.build({ name: spec.name, description: spec.description, training: spec.training });
}

/** PyTorch's BatchNorm2d defaults. */
export const TORCH_BATCH_NORM = { type: 'batch', groups: null, eps: 1e-5, momentum: 0.1 } as const;
