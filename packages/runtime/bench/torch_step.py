"""One training step of the "small" template in PyTorch, for `pnpm bench:train`.

The same network as U-Net Studio's `small` template: features [16, 32, 64, 128], 3 -> 1,
two (conv3x3 no-bias -> BatchNorm -> ReLU) per level, max-pool 2, ConvTranspose2d(k=2, s=2)
upsampling, skip concatenation (skip first), 1x1 head, logits. One step = forward, BCE with
logits, backward, Adam update, reading the loss. Prints one JSON line.

With --serve it times one step per line "step" read from stdin (after the warm-up steps and a
first JSON line {"ready": true, "torch", "params", "threads"}), printing {"ms": ...} for each, so
that a benchmark can interleave PyTorch's steps with its own; "profile" profiles three steps with
torch.profiler and prints {"profile": [[op, self CPU ms per step], ...], "ops": calls per step};
"quit" or the end of stdin ends it.
"""
import argparse
import json
import statistics
import sys
import time

import torch
from torch import nn


def block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True),
    )


class SmallUNet(nn.Module):
    def __init__(self, features=(16, 32, 64, 128), cin=3, cout=1):
        super().__init__()
        self.downs = nn.ModuleList()
        c = cin
        for f in features:
            self.downs.append(block(c, f))
            c = f
        self.ups = nn.ModuleList()
        self.decs = nn.ModuleList()
        for f_in, f_out in zip(features[::-1][:-1], features[::-1][1:]):
            self.ups.append(nn.ConvTranspose2d(f_in, f_out, 2, stride=2))
            self.decs.append(block(2 * f_out, f_out))
        self.head = nn.Conv2d(features[0], cout, 1)
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        skips = []
        for i, down in enumerate(self.downs):
            x = down(x)
            if i < len(self.downs) - 1:
                skips.append(x)
                x = self.pool(x)
        for up, dec in zip(self.ups, self.decs):
            x = dec(torch.cat([skips.pop(), up(x)], dim=1))
        return self.head(x)


def timed(step):
    t0 = time.perf_counter()
    step()
    return (time.perf_counter() - t0) * 1000


def profile(step, steps=3):
    from torch.profiler import ProfilerActivity
    from torch.profiler import profile as torch_profile

    with torch_profile(activities=[ProfilerActivity.CPU]) as prof:
        for _ in range(steps):
            step()
    rows = sorted(prof.key_averages(), key=lambda e: e.self_cpu_time_total, reverse=True)
    return {
        "profile": [[e.key, e.self_cpu_time_total / steps / 1000] for e in rows[:25]],
        "ops": sum(e.count for e in rows) / steps,
    }


def serve(step, params):
    print(json.dumps({"ready": True, "torch": torch.__version__, "params": params,
                      "threads": torch.get_num_threads()}), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            break
        if command == "profile":
            print(json.dumps(profile(step)), flush=True)
            continue
        if command != "step":
            print(json.dumps({"error": "unknown command " + command[:40]}), flush=True)
            continue
        print(json.dumps({"ms": timed(step)}), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=10)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = SmallUNet()
    params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss()
    x = torch.rand(args.batch, 3, args.size, args.size)
    y = (torch.rand(args.batch, 1, args.size, args.size) > 0.5).float()

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    if args.serve:
        serve(step, params)
        return
    times = []
    for _ in range(args.reps):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({
        "ms": statistics.median(times),
        "times": times,
        "params": params,
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
    }))


if __name__ == "__main__":
    main()
