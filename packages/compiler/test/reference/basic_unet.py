"""Seed 002: the basic PyTorch U-Net (aladdinpersson, semantic_segmentation_unet/model.py), rebuilt.

DoubleConv = 2 x [Conv2d(3x3, padding 1, no bias) -> BatchNorm2d -> ReLU]; encoder DoubleConv per
feature + MaxPool2d(2, 2); bottleneck DoubleConv(f[-1], 2 f[-1]); decoder ConvTranspose2d(2f, f,
2, 2), resize to the skip's size when they differ (TF.resize replaced by bilinear F.interpolate),
cat((skip, x)), DoubleConv(2f, f); final 1x1 conv. Seed 003 (Carvana) trains this same network.

config: {"in_channels", "out_channels", "features"}.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

from reference_common import run


def double_conv(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
    )


class BasicUNet(nn.Module):
    def __init__(self, in_channels=3, out_channels=1, features=(64, 128, 256, 512)):
        super().__init__()
        self.downs = nn.ModuleList()
        self.ups = nn.ModuleList()
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)
        for f in features:
            self.downs.append(double_conv(in_channels, f))
            in_channels = f
        for f in reversed(features):
            self.ups.append(nn.ConvTranspose2d(2 * f, f, kernel_size=2, stride=2))
            self.ups.append(double_conv(2 * f, f))
        self.bottleneck = double_conv(features[-1], 2 * features[-1])
        self.final_conv = nn.Conv2d(features[0], out_channels, kernel_size=1)

    def forward(self, x):
        skips = []
        for down in self.downs:
            x = down(x)
            skips.append(x)
            x = self.pool(x)
        x = self.bottleneck(x)
        skips = skips[::-1]
        for i in range(0, len(self.ups), 2):
            x = self.ups[i](x)
            skip = skips[i // 2]
            if x.shape != skip.shape:
                x = F.interpolate(x, size=skip.shape[2:], mode="bilinear", align_corners=False)
            x = self.ups[i + 1](torch.cat((skip, x), dim=1))
        return self.final_conv(x)


def build(config, shape):
    return BasicUNet(**config), torch.zeros([1] + shape)


if __name__ == "__main__":
    run(build)
