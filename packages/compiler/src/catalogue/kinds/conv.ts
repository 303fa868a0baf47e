/**
 * A conv block: `depth` × (conv → norm → activation), then optional dropout, then an optional
 * residual 1×1 projection of the block input added to the result.
 */
import { defineLayer } from '../define';
import { zConvParams } from '../params';
import { lowerConvBlock } from '../lowerConvBlock';

/** The conv block node kind. */
export const convLayer = defineLayer({
  kind: 'conv',
  label: 'Conv block',
  category: 'convolution',
  description: 'One or more convolutions, each followed by normalisation and an activation.',
  color: '#2563eb',
  params: zConvParams,
  paramHelp: {
    filters: 'output channels of every conv in the block',
    kernel: 'kernel size per axis',
    stride: "first conv's stride per axis (downsampling)",
    padding: 'same keeps ceil(n / stride); valid drops (k − 1)·dilation pixels',
    dilation: 'dilation rate per axis',
    dilationGrowth: 'constant, or exponential (conv d uses dilation^d, heliaEDGE)',
    separable: 'depthwise then pointwise conv (Keras SeparableConv)',
    bias: 'auto = bias only when the block has no normalisation',
    depth: 'number of convs in the block',
    norm: 'normalisation after each conv',
    activation: 'activation after each norm',
    dropout: 'dropout rate after the last activation (0 = none)',
    residual: 'add a 1×1 projection of the block input to its output',
  },
  inputs: [{ name: 'in', label: 'in' }],
  outputs: [{ name: 'out', label: 'out' }],
  lower: lowerConvBlock,
});
