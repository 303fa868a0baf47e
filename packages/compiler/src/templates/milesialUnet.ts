/** Template `milesial-unet`: milesial's Pytorch-UNet with `bilinear=True`, the most used PyTorch U-Net. */
import { addEncoderLevels } from '../formats/encoderLevels';
import { createDesignBuilder } from '../formats/designBuilder';
import { TORCH_BATCH_NORM } from './classicUNet';
import type { Template } from './template';

const conv = (filters: number, depth: number) => ({
  filters,
  kernel: 3,
  padding: 'same' as const,
  bias: 'off' as const,
  depth,
  norm: TORCH_BATCH_NORM,
  activation: { type: 'relu' as const, alpha: null },
});

/**
 * `UNet(n_channels=3, n_classes=1, bilinear=True)` at 256×256: 17,262,977 parameters. The bottom
 * level has 1024 // 2 = 512 channels; each `Up` upsamples bilinearly (align corners), zero-pads to
 * the skip, concatenates `[skip, up]` and applies `DoubleConv(in, out, mid = in // 2)`, built here
 * as two one-conv nodes (`dec<level>a` of width in / 2, `dec<level>b` of width out).
 */
export const milesialUnet: Template = {
  name: 'milesial-unet',
  title: 'milesial Pytorch-UNet (bilinear)',
  seed: null,
  description:
    "Reproduces milesial/Pytorch-UNet's UNet(3, 1, bilinear=True): DoubleConv with BatchNorm " +
    'before ReLU and no conv bias, a 512-wide bottom level, bilinear ×2 upsampling (align corners), ' +
    'skip zero-padded and concatenated first [skip, up], decoder DoubleConv whose middle width is ' +
    'half its input; 3→1 at 256×256.',
  build: () => {
    const b = createDesignBuilder();
    const features = [64, 128, 256, 512, 512];
    const input = b.add('input', 'input', 'Input', { dims: 2, channels: 3, size: [256, 256] });
    const encoder = addEncoderLevels(b, input, features, (f) => conv(f, 2));
    let prev = encoder.last;
    let below = features[features.length - 1] as number;
    for (let level = features.length - 1; level >= 1; level--) {
      const skipWidth = features[level - 1] as number;
      const out = level === 1 ? 64 : skipWidth / 2;
      const up = b.add('upconv', `up${level}`, `Up ${level}`, {
        mode: 'bilinear',
        factor: 2,
        alignCorners: true,
      });
      b.connect(prev, up);
      const skip = b.add('skip', `skip${level}`, `Skip ${level}`, {
        merge: 'concat',
        align: 'pad',
        order: 'skip-first',
      });
      b.connect(encoder.levels[level - 1] as string, skip, 'skip');
      b.connect(up, skip, 'up');
      const mid = b.add('conv', `dec${level}a`, `Decoder ${level} (mid)`, {
        ...conv((below + skipWidth) / 2, 1),
      });
      b.connect(skip, mid);
      const dec = b.add('conv', `dec${level}b`, `Decoder ${level}`, conv(out, 1));
      b.connect(mid, dec);
      prev = dec;
      below = out;
    }
    const head = b.add('output', 'output', 'Output', {
      classes: 1,
      kernel: 1,
      bias: true,
      activation: 'none',
    });
    b.connect(prev, head);
    return b.build({
      name: 'milesial Pytorch-UNet',
      description:
        'milesial/Pytorch-UNet, UNet(n_channels=3, n_classes=1, bilinear=True): inc DoubleConv(3, 64), ' +
        'Down = MaxPool2d(2) + DoubleConv to 128, 256, 512 and 1024 // 2; Up = Upsample(×2, bilinear, ' +
        'align_corners=True), F.pad to the skip, cat([skip, up]), DoubleConv(in, out, in // 2); ' +
        'OutConv 1×1 to 1 channel (logits).',
    });
  },
};
