/** Templates `small` and `tiny`: ModelManager-style U-Nets small enough to train in a browser. */
import { modelManagerToDesign } from '../formats/modelManager/toDesign';
import { zModelManagerParams } from '../formats/modelManager/schema';
import type { Template } from './template';

function study(features: number[], size: number, name: string) {
  const params = zModelManagerParams.parse({
    in_channels: 3,
    out_channels: 1,
    features,
    activation: 'relu',
    normalization: 'batchnorm',
    bilinear: false,
  });
  const design = modelManagerToDesign(params, { inputSize: [size, size], name });
  return {
    ...design,
    description:
      `A ModelManager-style U-Net (seed 000's layout) with features [${features.join(', ')}], ` +
      `BatchNorm, ReLU and transposed-conv upsampling, 3→1 at ${size}×${size}.`,
  };
}

/** Features [16, 32, 64, 128] at 64×64. */
export const small: Template = {
  name: 'small',
  title: 'Small U-Net (64×64)',
  seed: null,
  description:
    "Seed 000's network (unet.py) with bilinear=False as U-Net Studio corrects it: four levels, " +
    '16→128 channels, conv then BatchNorm then ReLU, ConvTranspose2d to the next width, zero-padded ' +
    '[skip, up]; 3→1 at 64×64. Trains in a browser.',
  build: () => study([16, 32, 64, 128], 64, 'Small U-Net'),
};

/** Features [8, 16, 32] at 32×32. */
export const tiny: Template = {
  name: 'tiny',
  title: 'Tiny U-Net (32×32)',
  seed: null,
  description:
    "Seed 000's network (unet.py) with bilinear=False as U-Net Studio corrects it: three levels, " +
    '8→32 channels, conv then BatchNorm then ReLU, ConvTranspose2d, zero-padded [skip, up]; 3→1 at ' +
    '32×32. For quick experiments and tests.',
  build: () => study([8, 16, 32], 32, 'Tiny U-Net'),
};
