/** Template `original-unet` (seed 004): Ronneberger et al. 2015. */
import { classicUNet } from './classicUNet';
import type { Template } from './template';

/** The paper's U-Net: valid convs, 572×572×1 → 388×388×2, 31,030,658 parameters. */
export const originalUnet: Template = {
  name: 'original-unet',
  title: 'Original U-Net (2015)',
  seed: '004',
  description:
    "Seed 004 (Ronneberger, Fischer, Brox 2015), as the seed's from-scratch unet.py builds " +
    'it (double_conv, crop_image): unpadded 3×3 convs with bias and ReLU, no norm, 2×2 up-convs ' +
    'halving the channels, the skip centre-cropped and concatenated second [up, skip]; a 572×572 ' +
    'tile gives a 388×388 two-class map.',
  build: () =>
    classicUNet({
      features: [64, 128, 256, 512, 1024],
      inChannels: 1,
      outChannels: 2,
      inputSize: [572, 572],
      padding: 'valid',
      bias: 'on',
      norm: { type: 'none' },
      align: 'crop',
      order: 'up-first',
      name: 'Original U-Net',
      description:
        'Seed 004: the U-Net of Ronneberger et al. (MICCAI 2015). Two valid 3×3 convs + ReLU per level, ' +
        '2×2 max-pool, 2×2 up-conv halving the channels, torch.cat([up, crop_image(skip)]), 1×1 head ' +
        'to 2 classes; pixel-wise softmax cross-entropy with a weight map, SGD, one tile per batch.',
      training: { loss: 'weighted_ce', optimizer: 'sgd', learningRate: 0.01, batchSize: 1 },
    }),
};
