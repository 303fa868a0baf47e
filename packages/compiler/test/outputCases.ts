/**
 * The output parity cases: one per template, with the reference script that builds the network
 * the template reproduces, that script's config and input, and the input size the template is
 * run at (a smaller one than its default for the big networks; still valid for the network).
 */
import { readUNetParams } from '../src/index';
import { fixture, referenceParams } from './cases';

/** One template against its reference. */
export interface OutputCase {
  readonly template: string;
  readonly script: string;
  readonly config: unknown;
  /** The reference's input, channels first (`[T, C]` for heliaEDGE's 1D). */
  readonly input: readonly number[];
  /** The template's input size for this run; undefined keeps the template's own. */
  readonly size?: readonly number[];
  /** The exported model's output shape, channels first. */
  readonly output: readonly number[];
}

function heartkitParams(): unknown {
  const read = readUNetParams(fixture('unet-params/heartkit-1d.json'));
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return referenceParams(read.value);
}

const BASIC = { in_channels: 3, out_channels: 1, features: [64, 128, 256, 512] };

/** Every template's case. */
export const OUTPUT_CASES: readonly OutputCase[] = [
  {
    template: 'modelmanager-unet',
    script: 'modelmanager_unet.py',
    config: { features: [64, 128, 256, 512, 1024] },
    input: [3, 48, 48],
    size: [48, 48],
    output: [1, 48, 48],
  },
  {
    template: 'heliaedge-1d',
    script: 'heliaedge_unet.py',
    config: heartkitParams(),
    input: [256, 1],
    output: [4, 256],
  },
  {
    template: 'basic-pytorch-unet',
    script: 'basic_unet.py',
    config: BASIC,
    input: [3, 48, 48],
    size: [48, 48],
    output: [1, 48, 48],
  },
  {
    template: 'carvana',
    script: 'basic_unet.py',
    config: BASIC,
    // 40×56 is not a multiple of 16: the skips are resized, as in the reference.
    input: [3, 40, 56],
    size: [40, 56],
    output: [1, 40, 56],
  },
  {
    // 188 is the smallest input the paper's valid convs allow (572 = 188 + 384); output 4×4.
    template: 'original-unet',
    script: 'original_unet.py',
    config: { in_channels: 1, out_channels: 2 },
    input: [1, 188, 188],
    size: [188, 188],
    output: [2, 4, 4],
  },
  {
    // 40×56: the bottom map is 2×3, upsampled to 4×6 and padded to the 5×7 skip, as milesial does.
    template: 'milesial-unet',
    script: 'milesial_unet.py',
    config: { n_channels: 3, n_classes: 1 },
    input: [3, 40, 56],
    size: [40, 56],
    output: [1, 40, 56],
  },
  {
    template: 'small',
    script: 'modelmanager_unet.py',
    config: { features: [16, 32, 64, 128], bilinear: false },
    input: [3, 64, 64],
    output: [1, 64, 64],
  },
  {
    template: 'tiny',
    script: 'modelmanager_unet.py',
    config: { features: [8, 16, 32], bilinear: false },
    input: [3, 32, 32],
    output: [1, 32, 32],
  },
];
