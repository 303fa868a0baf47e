/** Template `modelmanager-unet` (seed 000): the low-code platform's U-Net. */
import { modelManagerToDesign } from '../formats/modelManager/toDesign';
import { zModelManagerParams } from '../formats/modelManager/schema';
import type { Template } from './template';

/** `create_model('unet', in_channels=3, out_channels=1, features=[64, …, 1024])`: 31,384,833 parameters. */
export const modelManagerUnet: Template = {
  name: 'modelmanager-unet',
  title: 'Low-code platform U-Net',
  seed: '000',
  description:
    "Seed 000 (the platform's model_architecture/src/unet/unet.py via ModelManager.create_model('unet')): " +
    'features 64→1024 with the last as bottleneck, conv without bias then BatchNorm then ReLU, ' +
    'bilinear ×2 upsampling (align corners, the platform default), the upsampled map zero-padded to ' +
    'the skip and concatenated [skip, up]; 3→1 at 256×256.',
  build: () => {
    const params = zModelManagerParams.parse({
      in_channels: 3,
      out_channels: 1,
      features: [64, 128, 256, 512, 1024],
      activation: 'relu',
      normalization: 'batchnorm',
      bilinear: true,
    });
    return modelManagerToDesign(params, { inputSize: [256, 256], name: 'Low-code platform U-Net' });
  },
};
