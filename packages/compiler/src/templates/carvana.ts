/** Template `carvana` (seed 003): the basic U-Net with the Carvana training setup. */
import { classicUNet, TORCH_BATCH_NORM } from './classicUNet';
import type { Template } from './template';

/** The Carvana car-mask U-Net at 160×240 with its training settings. */
export const carvana: Template = {
  name: 'carvana',
  title: 'Carvana car masks',
  seed: '003',
  description:
    'Seed 003 (Carvana Image Masking, aladdinpersson model.py): the basic PyTorch U-Net (conv, ' +
    'BatchNorm, ReLU; ConvTranspose2d; upsampled map resized to the skip; [skip, up]) on 160×240 car ' +
    'photos, trained with BCE-with-logits, Adam 1e-4, batch 16, 3 epochs, mask threshold 0.5.',
  build: () =>
    classicUNet({
      features: [64, 128, 256, 512, 1024],
      inChannels: 3,
      outChannels: 1,
      inputSize: [160, 240],
      padding: 'same',
      bias: 'off',
      norm: TORCH_BATCH_NORM,
      align: 'resize',
      order: 'skip-first',
      name: 'Carvana U-Net',
      description:
        'Seed 003: the Carvana Image Masking U-Net (aladdinpersson train.py): images resized to 160×240, ' +
        'BCEWithLogitsLoss, Adam lr 1e-4, batch 16, 3 epochs; masks thresholded at 0.5 on the sigmoid.',
      training: {
        loss: 'bce',
        optimizer: 'adam',
        learningRate: 1e-4,
        batchSize: 16,
        epochs: 3,
        threshold: 0.5,
      },
    }),
};
