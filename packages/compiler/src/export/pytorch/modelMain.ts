/**
 * The fixed tail of model.py: building the model, loading converted weights, and the `--summary`
 * and `--onnx` command line. It holds no design data, so no user text ever reaches it.
 */

/** Python source appended after the `Model` class. */
export const MODEL_MAIN = `


def build_model(weights=None, map_location="cpu"):
    """Builds the model; loads a state dict (e.g. the exported weights.pt) when given a path."""
    model = Model()
    if weights is not None:
        state = torch.load(weights, map_location=map_location)
        if isinstance(state, dict) and "model" in state and isinstance(state["model"], dict):
            state = state["model"]  # a train.py checkpoint
        model.load_state_dict(state)
    return model


def resolve_input_shape(size=None):
    """INPUT_SHAPE with the spatial sizes replaced by \`size\` when given."""
    shape = list(INPUT_SHAPE)
    if size:
        if len(size) != len(shape) - 1:
            raise SystemExit(f"model.py: --size needs {len(shape) - 1} numbers, got {len(size)}")
        shape[1:] = size
    if any(s is None for s in shape):
        raise SystemExit("model.py: the design leaves the input size open; pass --size")
    return shape


def summary(size=None, weights=None):
    """Trainable parameter count and the input and output shapes (without the batch), as a dict."""
    shape = resolve_input_shape(size)
    model = build_model(weights).eval()
    with torch.no_grad():
        out = model(torch.zeros(1, *shape))
    outputs = out if isinstance(out, tuple) else (out,)
    info = {
        "trainableParams": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "input": shape,
        "output": list(outputs[0].shape[1:]),
    }
    if len(outputs) > 1:
        info["outputs"] = [list(o.shape[1:]) for o in outputs]
    return info


def export_onnx(path, size=None, weights=None):
    """Writes the model (eval mode, batch axis dynamic) to an ONNX file."""
    shape = resolve_input_shape(size)
    model = build_model(weights).eval()
    example = torch.zeros(1, *shape)
    with torch.no_grad():
        out = model(example)
    count = len(out) if isinstance(out, tuple) else 1
    names = ["output"] if count == 1 else [f"output{i}" for i in range(count)]
    axes = {name: {0: "batch"} for name in ["input", *names]}
    torch.onnx.export(model, example, path, input_names=["input"], output_names=names,
                      dynamic_axes=axes)


def main(argv=None):
    parser = argparse.ArgumentParser(description="The exported U-Net Studio model.")
    parser.add_argument("--summary", action="store_true",
                        help="print the trainable parameter count and the shapes as one JSON line")
    parser.add_argument("--onnx", metavar="FILE", help="export the model to ONNX")
    parser.add_argument("--size", type=int, nargs="+", metavar="N",
                        help="spatial input size (H W, or L) instead of the design's")
    parser.add_argument("--weights", metavar="FILE", help="a state dict to load (weights.pt)")
    args = parser.parse_args(argv)
    if not args.summary and not args.onnx:
        parser.print_help()
        return 2
    if args.summary:
        print(json.dumps(summary(args.size, args.weights)))
    if args.onnx:
        export_onnx(args.onnx, args.size, args.weights)
        print(f"wrote {args.onnx}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
