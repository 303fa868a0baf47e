"""Output parity: the exported model.py of a design against a reference script, same weights.

Argument (JSON): {"modelPy": path of U-Net Studio's exported model.py, "script": a reference
script of this folder (it provides build(config, shape)), "config": {...}, "input": [...]},
or a list of such cases (one torch start for all).

Weights are matched by the order in which the modules that own them run in one forward pass
(forward hooks), so the two implementations may name and register their layers as they like:
the reference's tensors are randomised (seeded; BatchNorm running variances kept positive) and
copied into the exported model, a tensor reshaped only when its element count matches (a 1D
Conv1d weight against Keras-style (1, k) Conv2d). Both run in eval mode on the same random
input; prints one JSON line per case: {"maxAbsDiff", "maxAbs", "output"} or {"error"}.
"""

import importlib
import importlib.util
import json
import os
import sys

import torch


def owners_in_call_order(model, x):
    """Modules holding parameters or buffers themselves, in the order they first run."""
    order, hooks = [], []

    def hook(module, _inputs, _output):
        if all(module is not seen for seen in order):
            order.append(module)

    for module in model.modules():
        own = list(module.parameters(recurse=False)) + list(module.buffers(recurse=False))
        if own:
            hooks.append(module.register_forward_hook(hook))
    with torch.no_grad():
        model(x)
    for h in hooks:
        h.remove()
    return order


def tensors(module):
    return [(k, v) for k, v in module.state_dict().items() if not k.endswith("num_batches_tracked")]


def randomise(model, generator):
    with torch.no_grad():
        for name, t in model.state_dict().items():
            if not t.is_floating_point():
                continue
            if name.endswith("running_var"):
                t.copy_(torch.rand(t.shape, generator=generator) + 0.5)
            elif name.endswith("running_mean"):
                t.copy_(torch.randn(t.shape, generator=generator) * 0.1)
            elif t.dim() == 1:
                t.copy_(torch.randn(t.shape, generator=generator) * 0.1 + (1.0 if name.endswith("weight") else 0.0))
            else:
                fan_in = max(1, t[0].numel())
                t.copy_(torch.randn(t.shape, generator=generator) * (2.0 / fan_in) ** 0.5)


def copy_weights(reference, exported, x_ref, x_exp):
    ref_owners = owners_in_call_order(reference, x_ref)
    exp_owners = owners_in_call_order(exported, x_exp)
    if len(ref_owners) != len(exp_owners):
        raise ValueError(f"{len(ref_owners)} weighted modules in the reference, {len(exp_owners)} exported")
    with torch.no_grad():
        for i, (r, e) in enumerate(zip(ref_owners, exp_owners)):
            rt, et = tensors(r), tensors(e)
            if len(rt) != len(et):
                raise ValueError(f"module {i}: {type(r).__name__} has {len(rt)} tensors, {type(e).__name__} {len(et)}")
            for (rk, rv), (ek, ev) in zip(rt, et):
                if rv.numel() != ev.numel():
                    raise ValueError(f"module {i}: {rk} {tuple(rv.shape)} vs exported {ek} {tuple(ev.shape)}")
                ev.copy_(rv.reshape(ev.shape))


def load_module(path):
    spec = importlib.util.spec_from_file_location("exported_model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def compare(arg):
    """One case: the JSON-ready result."""
    reference_module = importlib.import_module(arg["script"].removesuffix(".py"))
    try:
        reference, x_ref = reference_module.build(arg["config"], arg["input"])
        exported_module = load_module(arg["modelPy"])
        exported = exported_module.Model()
        generator = torch.Generator().manual_seed(2015)
        x_ref = torch.randn(x_ref.shape, generator=generator)
        shape = [1] + list(exported_module.INPUT_SHAPE)
        if x_ref.numel() != torch.Size(shape).numel():
            raise ValueError(f"reference input {tuple(x_ref.shape)}, exported {tuple(shape)}")
        x_exp = x_ref.reshape(shape)
        reference.eval()
        exported.eval()
        randomise(reference, generator)
        copy_weights(reference, exported, x_ref, x_exp)
        with torch.no_grad():
            y_ref = reference(x_ref)
            y_exp = exported(x_exp)
        if y_ref.numel() != y_exp.numel():
            raise ValueError(f"outputs {tuple(y_ref.shape)} and {tuple(y_exp.shape)} differ in size")
        diff = (y_ref.reshape(-1) - y_exp.reshape(-1)).abs().max().item()
        return {"maxAbsDiff": diff, "maxAbs": y_ref.abs().max().item(), "output": list(y_exp.shape[1:])}
    except (RuntimeError, ValueError) as error:
        return {"error": str(error).splitlines()[0]}


def main():
    """One JSON line per case; the argument is one case or a list of them."""
    torch.set_num_threads(1)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    arg = json.loads(sys.argv[1])
    for case in arg if isinstance(arg, list) else [arg]:
        print(json.dumps(compare(case)), flush=True)


if __name__ == "__main__":
    main()
