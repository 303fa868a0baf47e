"""Seed 000: the low-code platform's UNet (model_architecture/src/unet/unet.py), rebuilt.

ConvBlock = Conv2d(3x3, padding 1, no bias) -> norm -> activation; DoubleConv = two ConvBlocks;
Down = MaxPool2d(2) + DoubleConv; Up = upsample, F.pad to the skip's size, cat([skip, up]),
DoubleConv; OutConv = 1x1 conv with bias. features[-1] is the bottleneck.

config: the create_model keyword arguments. With "platformTransposed": true the bilinear=False
path is built exactly as the platform does (ConvTranspose2d(in, in // 2) with in = the
concatenated width), which fails on the first forward pass; otherwise the transposed conv maps
rev[i] to rev[i+1] channels, as U-Net Studio builds it.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F

from reference_common import run


def make_norm(kind, channels):
    if kind == "batchnorm":
        return nn.BatchNorm2d(channels)
    if kind == "groupnorm":
        return nn.GroupNorm(min(32, channels), channels)
    return nn.Identity()


def make_activation(kind):
    if kind == "relu":
        return nn.ReLU(inplace=True)
    if kind == "leaky_relu":
        return nn.LeakyReLU(inplace=True)
    if kind == "elu":
        return nn.ELU(inplace=True)
    return nn.Identity()


def double_conv(cin, cout, act, norm):
    layers = []
    for c in (cin, cout):
        layers += [nn.Conv2d(c, cout, 3, padding=1, bias=False), make_norm(norm, cout), make_activation(act)]
    return nn.Sequential(*layers)


class Up(nn.Module):
    def __init__(self, below, width, act, norm, bilinear, platform_transposed):
        super().__init__()
        if bilinear:
            self.up = nn.Upsample(scale_factor=2, mode="bilinear", align_corners=True)
            self.conv = double_conv(below + width, width, act, norm)
        elif platform_transposed:
            concat = below + width
            self.up = nn.ConvTranspose2d(concat, concat // 2, kernel_size=2, stride=2)
            self.conv = double_conv(concat, width, act, norm)
        else:
            self.up = nn.ConvTranspose2d(below, width, kernel_size=2, stride=2)
            self.conv = double_conv(2 * width, width, act, norm)

    def forward(self, x, skip):
        x = self.up(x)
        dy = skip.size(2) - x.size(2)
        dx = skip.size(3) - x.size(3)
        x = F.pad(x, [dx // 2, dx - dx // 2, dy // 2, dy - dy // 2])
        return self.conv(torch.cat([skip, x], dim=1))


class PlatformUNet(nn.Module):
    def __init__(self, in_channels=3, out_channels=1, features=(64, 128, 256, 512), activation="relu",
                 normalization="batchnorm", bilinear=True, platformTransposed=False):
        super().__init__()
        self.inc = double_conv(in_channels, features[0], activation, normalization)
        self.downs = nn.ModuleList(
            nn.Sequential(nn.MaxPool2d(2), double_conv(features[i], features[i + 1], activation, normalization))
            for i in range(len(features) - 1)
        )
        rev = list(reversed(features))
        self.ups = nn.ModuleList(
            Up(rev[i], rev[i + 1], activation, normalization, bilinear, platformTransposed)
            for i in range(len(features) - 1)
        )
        self.outc = nn.Conv2d(features[0], out_channels, kernel_size=1)

    def forward(self, x):
        xs = [self.inc(x)]
        for down in self.downs:
            xs.append(down(xs[-1]))
        x = xs[-1]
        for up, skip in zip(self.ups, reversed(xs[:-1])):
            x = up(x, skip)
        return self.outc(x)


def build(config, shape):
    return PlatformUNet(**config), torch.zeros([1] + shape)


if __name__ == "__main__":
    run(build)
