"""Seed 004: the original U-Net (Ronneberger et al. 2015), rebuilt.

Per level two unpadded 3x3 convs with bias + ReLU, 2x2 max-pool stride 2; channels double to the
bottleneck. Up path: 2x2 up-convolution halving the channels, centre crop of the encoder map to
the decoder's size, cat([up, cropped skip]) (the upsampled map first, as the seed's
from-scratch implementation does: torch.cat([x, crop_image(skip, x)], 1)), two unpadded 3x3 convs + ReLU; a 1x1 conv to the classes.
572x572x1 gives 388x388x2.

config: {"in_channels", "out_channels", "features"} (features default [64, 128, 256, 512, 1024],
the last is the bottleneck).
"""

import torch
import torch.nn as nn

from reference_common import run


def double_conv(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3), nn.ReLU(inplace=True), nn.Conv2d(cout, cout, 3), nn.ReLU(inplace=True)
    )


def crop(skip, target):
    dy = skip.size(2) - target.size(2)
    dx = skip.size(3) - target.size(3)
    if dy < 0 or dx < 0:
        raise RuntimeError("the skip is smaller than the upsampled map")
    return skip[:, :, dy // 2: dy // 2 + target.size(2), dx // 2: dx // 2 + target.size(3)]


class OriginalUNet(nn.Module):
    def __init__(self, in_channels=1, out_channels=2, features=(64, 128, 256, 512, 1024)):
        super().__init__()
        self.downs = nn.ModuleList()
        for f in features:
            self.downs.append(double_conv(in_channels, f))
            in_channels = f
        self.pool = nn.MaxPool2d(2, 2)
        rev = list(reversed(features))
        self.up_convs = nn.ModuleList(nn.ConvTranspose2d(rev[i], rev[i + 1], 2, 2) for i in range(len(rev) - 1))
        self.up_blocks = nn.ModuleList(double_conv(2 * rev[i + 1], rev[i + 1]) for i in range(len(rev) - 1))
        self.out = nn.Conv2d(features[0], out_channels, 1)

    def forward(self, x):
        skips = []
        for i, down in enumerate(self.downs):
            x = down(x)
            if i < len(self.downs) - 1:
                skips.append(x)
                x = self.pool(x)
        for up, block, skip in zip(self.up_convs, self.up_blocks, reversed(skips)):
            x = up(x)
            x = block(torch.cat([x, crop(skip, x)], dim=1))
        return self.out(x)


def build(config, shape):
    return OriginalUNet(**config), torch.zeros([1] + shape)


if __name__ == "__main__":
    run(build)
