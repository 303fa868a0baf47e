/**
 * The reference figures of every parity case, as the PyTorch scripts in test/reference/ print
 * them (`pnpm exec vitest run test/parity` re-runs the scripts and checks this table too).
 * `output` is `[channels, ...spatial]`; `error` is a fragment of the reference model's own error.
 */

/** Figures of one case. */
export type Expected =
  | {
      readonly trainable: number;
      readonly nonTrainable: number;
      readonly output: readonly number[];
    }
  | { readonly error: string };

/** By case id (see `cases.ts`). */
export const EXPECTED: Readonly<Record<string, Expected>> = {
  'template:modelmanager-unet': {
    trainable: 31_384_833,
    nonTrainable: 11_776,
    output: [1, 256, 256],
  },
  'template:heliaedge-1d': { trainable: 34_245, nonTrainable: 1_160, output: [4, 256] },
  'template:basic-pytorch-unet': {
    trainable: 31_037_633,
    nonTrainable: 11_776,
    output: [1, 256, 256],
  },
  'template:carvana': { trainable: 31_037_633, nonTrainable: 11_776, output: [1, 160, 240] },
  'template:original-unet': { trainable: 31_030_658, nonTrainable: 0, output: [2, 388, 388] },
  'template:milesial-unet': {
    trainable: 17_262_977,
    nonTrainable: 8_832,
    output: [1, 256, 256],
  },
  'template:small': { trainable: 482_737, nonTrainable: 1_408, output: [1, 64, 64] },
  'template:tiny': { trainable: 29_625, nonTrainable: 320, output: [1, 32, 32] },
  'model-manager/platform-default.yaml': {
    trainable: 31_384_833,
    nonTrainable: 11_776,
    output: [1, 64, 64],
  },
  'model-manager/code-default.json': {
    trainable: 7_785_729,
    nonTrainable: 5_632,
    output: [1, 96, 80],
  },
  'model-manager/groupnorm.json': { trainable: 1_948_289, nonTrainable: 0, output: [1, 100, 75] },
  'model-manager/leaky-relu.py': { trainable: 488_001, nonTrainable: 1_408, output: [1, 61, 61] },
  'model-manager/elu-transposed.yaml': {
    trainable: 466_626,
    nonTrainable: 1_280,
    output: [2, 48, 52],
  },
  'model-manager/groupnorm-odd.json': { error: 'num_channels must be divisible by num_groups' },
  'model-manager/odd-widths.py': { trainable: 176_715, nonTrainable: 800, output: [3, 45, 37] },
  'unet-params/heartkit-1d.json': { trainable: 34_245, nonTrainable: 1_160, output: [4, 256] },
  'unet-params/unet-2d.json': { trainable: 248_866, nonTrainable: 1_344, output: [2, 64, 64] },
  'unet-params/dilation.json': { trainable: 19_570, nonTrainable: 352, output: [2, 32, 32] },
  'unet-params/dropout.json': { trainable: 6_475, nonTrainable: 256, output: [3, 128] },
  'unet-params/layer-norm.json': { trainable: 5_338, nonTrainable: 0, output: [2, 64] },
  'unet-params/skip-false.json': { trainable: 35_417, nonTrainable: 416, output: [1, 48, 48] },
  'unet-params/no-top.json': { trainable: 5_976, nonTrainable: 160, output: [8, 40, 40] },
  'unet-params/softmax-no-norm.json': { trainable: 5_899, nonTrainable: 0, output: [3, 96] },
};
