"""Shared helpers of the reference scripts.

Each script builds one U-Net in PyTorch from a JSON argument {"config": {...}, "input": [...]},
runs one forward pass on zeros, and prints one JSON line:
{"trainable": int, "nonTrainable": int, "output": [channels, *spatial]}
or {"error": "..."} when the reference model itself cannot be built or run.
Non-trainable = buffers (BatchNorm running mean and variance), without num_batches_tracked.
"""

import json
import sys

import torch


def read_argument():
    """The JSON argument: config and input shape."""
    if len(sys.argv) != 2:
        raise SystemExit("usage: script.py '<json>'")
    return json.loads(sys.argv[1])


def count(model):
    """(trainable, non-trainable) counts, PyTorch style."""
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    frozen = sum(p.numel() for p in model.parameters() if not p.requires_grad)
    buffers = sum(
        b.numel() for name, b in model.named_buffers() if not name.endswith("num_batches_tracked")
    )
    return trainable, frozen + buffers


def run(build, to_output=lambda shape: shape):
    """Builds the model with build(config, input), runs it once and prints the JSON line."""
    torch.set_num_threads(1)
    arg = read_argument()
    try:
        model, x = build(arg["config"], arg["input"])
        model.eval()
        with torch.no_grad():
            y = model(x)
        trainable, non_trainable = count(model)
        output = to_output(list(y.shape[1:]))
        print(json.dumps({"trainable": trainable, "nonTrainable": non_trainable, "output": output}))
    except (RuntimeError, ValueError) as error:
        print(json.dumps({"error": str(error).splitlines()[0]}))
