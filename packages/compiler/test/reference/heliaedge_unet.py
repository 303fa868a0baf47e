"""Seed 001: heliaEDGE's U-Net (helia_edge/models/unet.py, unet_layer), ported to PyTorch.

Keras semantics kept: channels-last shapes are converted to channels-first; a 1D input [T, C] runs
as 2D with height 1 (sizes given as (1, k)); convs and max-pools use padding "same" (pools pad
with -inf, output ceil(n / stride)); SeparableConv2D = depthwise k x k (no bias) + pointwise 1x1
(bias only without norm); BatchNormalization(eps 1e-3, momentum 0.99); LayerNormalization over
(H, W) with gamma and beta of shape (H, W), eps 1e-3; leaky_relu slope 0.2 (Keras 3).

config: UNetParams with num_classes (Python-side defaults as in helia-edge);
input: input_shape, [T, C] or [H, W, C].
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from reference_common import run

BLOCK_DEFAULTS = dict(depth=1, ddepth=None, kernel=3, pool=3, strides=1, skip=True, seperable=False,
                      dropout=None, norm="batch", dilation=None, activation="relu6")


def pair(v):
    return (v, v) if isinstance(v, int) else tuple(v)


class LayerNormHW(nn.Module):
    """Keras LayerNormalization(axis=[1, 2]) on NHWC = per sample and channel over (H, W)."""

    def __init__(self, size):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(size))
        self.bias = nn.Parameter(torch.zeros(size))

    def forward(self, x):
        mean = x.mean(dim=(2, 3), keepdim=True)
        var = x.var(dim=(2, 3), keepdim=True, unbiased=False)
        return (x - mean) / torch.sqrt(var + 1e-3) * self.weight + self.bias


def activation(name):
    return {"relu": nn.ReLU(), "relu6": nn.ReLU6(), "leaky_relu": nn.LeakyReLU(0.2), "elu": nn.ELU(1.0),
            "selu": nn.SELU()}[name]


def norm_layer(kind, channels, size):
    if kind == "batch":
        return nn.BatchNorm2d(channels, eps=1e-3, momentum=0.01)
    if kind == "layer":
        return LayerNormHW(size)
    return nn.Identity()


def conv(cin, cout, kernel, dilation, separable, bias):
    if separable:
        return nn.Sequential(
            nn.Conv2d(cin, cin, pair(kernel), padding="same", dilation=pair(dilation), groups=cin, bias=False),
            nn.Conv2d(cin, cout, 1, bias=bias),
        )
    return nn.Conv2d(cin, cout, pair(kernel), padding="same", dilation=pair(dilation), bias=bias)


class MaxPoolSame(nn.Module):
    def __init__(self, window, stride):
        super().__init__()
        self.window, self.stride = pair(window), pair(stride)

    def forward(self, x):
        pads = []
        for axis in (3, 2):
            n, k, s = x.size(axis), self.window[axis - 2], self.stride[axis - 2]
            total = max((math.ceil(n / s) - 1) * s + k - n, 0)
            pads += [total // 2, total - total // 2]
        return F.max_pool2d(F.pad(x, pads, value=-math.inf), self.window, self.stride)


class ConvNormAct(nn.Module):
    def __init__(self, cin, cout, kernel, dilation, separable, norm, act, size):
        super().__init__()
        self.conv = conv(cin, cout, kernel, dilation, separable, bias=norm is None)
        self.norm = norm_layer(norm, cout, size)
        self.act = activation(act)

    def forward(self, x):
        return self.act(self.norm(self.conv(x)))


class HeliaUNet(nn.Module):
    def __init__(self, params, size, cin):
        super().__init__()
        blocks = [dict(BLOCK_DEFAULTS, **b) for b in params["blocks"]]
        self.blocks = blocks
        self.enc, self.enc_res, self.pools, self.drop = nn.ModuleList(), nn.ModuleList(), nn.ModuleList(), []
        sizes = []
        for b in blocks:
            layers = []
            c = cin
            for d in range(b["depth"]):
                dil = (1, 1) if b["dilation"] is None else tuple(r ** d for r in pair(b["dilation"]))
                layers.append(ConvNormAct(c, b["filters"], b["kernel"], dil, b["seperable"], b["norm"], b["activation"], size))
                c = b["filters"]
            self.enc.append(nn.Sequential(*layers))
            self.enc_res.append(nn.Conv2d(cin, b["filters"], 1))
            self.drop.append(b["dropout"])
            sizes.append(size)
            self.pools.append(MaxPoolSame(b["pool"], b["strides"]))
            size = tuple(math.ceil(n / s) for n, s in zip(size, pair(b["strides"])))
            cin = b["filters"]
        leftover = dil
        self.pre, self.red, self.post, self.post_res = (nn.ModuleList() for _ in range(4))
        for b, skip_size in zip(reversed(blocks), reversed(sizes)):
            layers = []
            for _ in range(b["ddepth"] or b["depth"]):
                layers.append(ConvNormAct(cin, b["filters"], b["kernel"], leftover, b["seperable"], b["norm"], b["activation"], size))
                cin = b["filters"]
            self.pre.append(nn.Sequential(*layers))
            size = skip_size
            if b["skip"]:
                self.red.append(ConvNormAct(cin + b["filters"], b["filters"], 1, 1, False, b["norm"], b["activation"], size))
                cin = b["filters"]
            else:
                self.red.append(nn.Identity())
            self.post.append(ConvNormAct(cin, b["filters"], b["kernel"], 1, b["seperable"], b["norm"], b["activation"], size))
            self.post_res.append(nn.Conv2d(cin, b["filters"], 1))
            cin = b["filters"]
        self.head = None
        if params.get("include_top", True):
            self.head = nn.Conv2d(cin, params["num_classes"], pair(params.get("output_kernel_size", 3)), padding="same")
        self.softmax = not params.get("use_logits", True)

    def forward(self, y):
        skips = []
        for b, enc, res, pool, rate in zip(self.blocks, self.enc, self.enc_res, self.pools, self.drop):
            ym = enc(y)
            if rate is not None:
                ym = F.dropout(ym, rate, self.training)
            y = ym + res(y)
            skips.append(y if b["skip"] else None)
            y = pool(y)
        for b, pre, red, post, res in zip(reversed(self.blocks), self.pre, self.red, self.post, self.post_res):
            y = pre(y)
            y = F.interpolate(y, scale_factor=pair(b["strides"]), mode="nearest")
            skip = skips.pop()
            if skip is not None:
                if skip.shape[2:] != y.shape[2:]:
                    raise RuntimeError(f"concat of {tuple(y.shape[1:])} and {tuple(skip.shape[1:])} fails")
                y = red(torch.cat([y, skip], dim=1))
            y = post(y) + res(y)
        if self.head is not None:
            y = self.head(y)
            if self.softmax:
                y = torch.softmax(y, dim=1)
        return y


def build(config, shape):
    if len(shape) == 2:
        size, channels = (1, shape[0]), shape[1]
    else:
        size, channels = (shape[0], shape[1]), shape[2]
    return HeliaUNet(config, size, channels), torch.zeros([1, channels, *size])


def to_output(shape):
    """[C, 1, T] for 1D inputs becomes [C, T]."""
    return [shape[0], shape[2]] if shape[1] == 1 and IS_1D else shape


IS_1D = False

if __name__ == "__main__":
    import json
    import sys

    IS_1D = len(json.loads(sys.argv[1])["input"]) == 2
    run(build, to_output)
