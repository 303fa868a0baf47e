/**
 * Python helpers model.py includes when its ops need them: TensorFlow 'same' padding for strided
 * convs and pools, the Keras separable conv, and the heliaEDGE spatial layer norm.
 */

/** The helper names, in the order they are written to model.py. */
export const HELPERS = [
  'tfSamePad',
  'tfMaxPoolSame',
  'tfAvgPoolSame',
  'separableConv',
  'spatialLayerNorm',
] as const;

/** One helper's name. */
export type HelperName = (typeof HELPERS)[number];

/** Helpers that need another helper. */
export const HELPER_DEPENDENCIES: Readonly<Partial<Record<HelperName, readonly HelperName[]>>> = {
  tfMaxPoolSame: ['tfSamePad'],
  tfAvgPoolSame: ['tfSamePad'],
};

/** The Python source of each helper. */
export const HELPER_SOURCE: Readonly<Record<HelperName, string>> = {
  tfSamePad: `def tf_same_pads(size, kernel, stride, dilation):
    """TensorFlow's 'same' padding of one axis as (before, after): the output keeps
    ceil(size / stride) and an odd total puts the extra pixel at the end."""
    out = -(-size // stride)
    total = max((out - 1) * stride + (kernel - 1) * dilation + 1 - size, 0)
    return total // 2, total - total // 2


def tf_same_pad(x, kernel, stride, dilation, value=0.0):
    """Pads x (N, C, *spatial) exactly as TensorFlow's 'same' padding does for this size."""
    pads = []
    for axis in reversed(range(len(kernel))):
        pads.extend(tf_same_pads(int(x.shape[2 + axis]), kernel[axis], stride[axis], dilation[axis]))
    return F.pad(x, pads, value=value)
`,
  tfMaxPoolSame: `def tf_max_pool_same(x, window, stride):
    """Max pooling with TensorFlow 'same' padding: padded cells hold -inf and never win."""
    pool = F.max_pool1d if x.dim() == 3 else F.max_pool2d
    ones = (1,) * len(window)
    return pool(tf_same_pad(x, window, stride, ones, float("-inf")), window, stride)
`,
  tfAvgPoolSame: `def tf_avg_pool_same(x, window, stride):
    """Average pooling with TensorFlow 'same' padding: padded cells are left out of each mean."""
    pool = F.avg_pool1d if x.dim() == 3 else F.avg_pool2d
    ones = (1,) * len(window)
    total = pool(tf_same_pad(x, window, stride, ones), window, stride)
    count = pool(tf_same_pad(torch.ones_like(x[:1, :1]), window, stride, ones), window, stride)
    return total / count
`,
  separableConv: `class SeparableConv(nn.Module):
    """Keras's SeparableConv: a depthwise conv (one filter per input channel, no bias), then a
    pointwise 1x1 conv that carries the bias."""

    def __init__(self, dims, in_channels, out_channels, kernel_size, stride=1, padding=0,
                 dilation=1, bias=True):
        super().__init__()
        conv = nn.Conv1d if dims == 1 else nn.Conv2d
        self.depthwise = conv(in_channels, in_channels, kernel_size, stride=stride, padding=padding,
                              dilation=dilation, groups=in_channels, bias=False)
        self.pointwise = conv(in_channels, out_channels, 1, bias=bias)

    def forward(self, x):
        return self.pointwise(self.depthwise(x))
`,
  spatialLayerNorm: `class SpatialLayerNorm(nn.Module):
    """Layer normalisation over the spatial axes of each channel, as Keras's
    LayerNormalization(axis=[1, 2]) on NHWC tensors: scale and offset per spatial position."""

    def __init__(self, spatial_shape, eps):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(spatial_shape))
        self.bias = nn.Parameter(torch.zeros(spatial_shape))

    def forward(self, x):
        dims = tuple(range(2, x.dim()))
        mean = x.mean(dim=dims, keepdim=True)
        var = (x - mean).pow(2).mean(dim=dims, keepdim=True)
        return (x - mean) * torch.rsqrt(var + self.eps) * self.weight + self.bias
`,
};

/** The helpers `used` and their dependencies, in model.py order. */
export function helpersToWrite(used: ReadonlySet<HelperName>): HelperName[] {
  const all = new Set<HelperName>();
  for (const h of used) {
    all.add(h);
    for (const dep of HELPER_DEPENDENCIES[h] ?? []) all.add(dep);
  }
  return HELPERS.filter((h) => all.has(h));
}
