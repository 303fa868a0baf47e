"""PyTorch's side of `pnpm bench:conv`: each convolution of the small template, timed alone.

Reads a JSON list of [H, in, out, kernel, stride, transposed] on stdin; for each shape times the
forward convolution, the input gradient and the filter gradient (aten::convolution_backward with
one output mask at a time) on 8 images, as process CPU milliseconds, the least of `--reps` runs
after one warm-up. Prints one JSON line: {"torch": version, "threads": n, "rows": [[fwd, dx, dw], ...]}.
"""
import argparse
import json
import sys
import time

import torch


def cpu_ms(fn, reps):
    fn()
    best = float("inf")
    for _ in range(reps):
        t0 = time.process_time()
        fn()
        best = min(best, (time.process_time() - t0) * 1000)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    rows = []
    with torch.no_grad():
        for h, cin, cout, k, stride, transposed in json.load(sys.stdin):
            pad = 0 if stride > 1 else k // 2
            if transposed:
                # ConvTranspose2d(cin -> cout, k, stride): x is the small tensor.
                x = torch.randn(8, cin, h, h)
                w = torch.randn(cin, cout, k, k)
                y = torch.nn.functional.conv_transpose2d(x, w, stride=stride)
            else:
                x = torch.randn(8, cin, h, h)
                w = torch.randn(cout, cin, k, k)
                y = torch.nn.functional.conv2d(x, w, stride=stride, padding=pad)
            gy = torch.randn_like(y)
            padding = [pad, pad]

            def fwd():
                if transposed:
                    torch.nn.functional.conv_transpose2d(x, w, stride=stride)
                else:
                    torch.nn.functional.conv2d(x, w, stride=stride, padding=padding)

            def grad(mask):
                return lambda: torch.ops.aten.convolution_backward(
                    gy, x, w, None, [stride, stride], padding, [1, 1], transposed, [0, 0], 1, mask
                )

            rows.append([
                cpu_ms(fwd, args.reps),
                cpu_ms(grad([True, False, False]), args.reps),
                cpu_ms(grad([False, True, False]), args.reps),
            ])
    print(json.dumps({"torch": torch.__version__, "threads": args.threads, "rows": rows}))


if __name__ == "__main__":
    main()
