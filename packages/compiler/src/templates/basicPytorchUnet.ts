/** Template `basic-pytorch-unet` (seed 002): aladdinpersson's basic PyTorch U-Net. */
import { classicUNet, TORCH_BATCH_NORM } from './classicUNet';
import type { Template } from './template';

/** The basic PyTorch U-Net, 3→1 at 256×256: 31,037,633 parameters. */
export const basicPytorchUnet: Template = {
  name: 'basic-pytorch-unet',
  title: 'Basic PyTorch U-Net',
  seed: '002',
  description:
    'Seed 002 (aladdinpersson semantic_segmentation_unet/model.py): DoubleConv 64→512, conv without ' +
    'bias then BatchNorm then ReLU, a 1024 bottleneck, ConvTranspose2d upsampling, the upsampled map ' +
    'resized to the skip when sizes differ, concatenated [skip, up]; 3→1 at 256×256.',
  build: () =>
    classicUNet({
      features: [64, 128, 256, 512, 1024],
      inChannels: 3,
      outChannels: 1,
      inputSize: [256, 256],
      padding: 'same',
      bias: 'off',
      norm: TORCH_BATCH_NORM,
      align: 'resize',
      order: 'skip-first',
      name: 'Basic PyTorch U-Net',
      description:
        'Seed 002: the basic PyTorch U-Net (aladdinpersson). features=[64, 128, 256, 512] plus a ' +
        '1024 bottleneck; ConvTranspose2d(2f, f, 2, 2); TF.resize of the upsampled map to the skip size; ' +
        'cat((skip, x)); 1×1 head to 1 channel (logits).',
    }),
};
