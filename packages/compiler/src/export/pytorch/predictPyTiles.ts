/**
 * The tiling core of predict.py, the same algorithm as the runtime's `predictFullSize`:
 * overlap-tile with mirrored borders for valid-padding networks, tiles blended with a raised
 * cosine window for same padding, one pass when the network takes any size and the image fits.
 * Fixed text: it holds no design data.
 */
export const PREDICT_TILES = `

def valid_at_least(n, axis):
    """The smallest size >= n that the network accepts on \`axis\` (0: height, 1: width)."""
    if SIZE_RULES is None:
        return n
    modulus, residues, minimum = SIZE_RULES[axis]
    k = max(n, minimum)
    for _ in range(modulus):
        if k % modulus in residues:
            return k
        k += 1
    return k


def modulus_of(axis):
    """Tile positions are multiples of this, so every tile sees the same pooling grid."""
    return 1 if SIZE_RULES is None else SIZE_RULES[axis][0]


def reflect_index(i, n):
    """Mirrors indices into [0, n) without repeating the edge (numpy's "reflect")."""
    if n <= 1:
        return torch.zeros_like(i)
    period = 2 * (n - 1)
    k = torch.remainder(i, period)
    return torch.where(k < n, k, period - k)


def read_tile(image, y0, x0, h, w):
    """The (C, h, w) window of image starting at (y0, x0), mirrored outside the image."""
    _, height, width = image.shape
    ys = reflect_index(torch.arange(y0, y0 + h), height)
    xs = reflect_index(torch.arange(x0, x0 + w), width)
    return image[:, ys][:, :, xs]


def probabilities(model, x):
    """Per-class probabilities of a (N, C, h, w) batch."""
    out = model(x)
    if isinstance(out, tuple):
        out = out[0]
    if OUTPUT_ACTIVATION not in ("sigmoid", "softmax"):
        out = torch.sigmoid(out) if out.shape[1] == 1 else torch.softmax(out, dim=1)
    return out


def output_size(model, channels, size):
    with torch.no_grad():
        out = probabilities(model, torch.zeros(1, channels, *size))
    return int(out.shape[2]), int(out.shape[3])


def choose_tile(model, channels, height, width, mode, max_pixels):
    """The input tile size for mode: "auto", "off" or (h, w)."""
    fixed = INPUT_SHAPE[1:] if all(s is not None for s in INPUT_SHAPE[1:]) else None
    if isinstance(mode, tuple):
        ok = tuple(mode) == tuple(fixed) if fixed else all(valid_at_least(n, i) == n for i, n in enumerate(mode))
        if not ok:
            raise SystemExit(f"predict.py: the model does not take {mode[0]}x{mode[1]} tiles")
        return mode
    if fixed:
        return tuple(fixed)
    probe = [valid_at_least(1, 0), valid_at_least(1, 1)]
    if probe[0] < 2 or probe[1] < 2:
        side = max(64, modulus_of(0), modulus_of(1))
        probe = [side, side]
    out = output_size(model, channels, probe)
    border = [(probe[0] - out[0]) // 2, (probe[1] - out[1]) // 2]
    whole = (valid_at_least(height + 2 * border[0], 0), valid_at_least(width + 2 * border[1], 1))
    if mode == "off" or whole[0] * whole[1] <= max_pixels:
        return whole
    return (min(whole[0], valid_at_least(AUTO_TILE + 2 * border[0], 0)),
            min(whole[1], valid_at_least(AUTO_TILE + 2 * border[1], 1)))


def plan_axis(length, size_in, size_out, overlap, modulus):
    """Output tile starts along one axis, the border, and the overlap of neighbouring tiles."""
    border2 = size_in - size_out
    if size_out < 1 or border2 < 0 or border2 % 2:
        raise SystemExit(f"predict.py: a {size_in}-pixel input gives {size_out} output pixels; tiling "
                         "needs an output of the input's size or smaller by an even border")
    m = max(1, modulus)
    step = (size_out - max(0, overlap)) // m * m
    if step < 1:
        raise SystemExit(f"predict.py: an overlap of {overlap} leaves no step on a {size_out}-pixel tile")
    count = 1 if length <= size_out else -(-(length - size_out) // step) + 1
    starts = [k * step for k in range(count)]
    if count > 1 and border2 == 0 and (length - size_out) % m == 0:
        starts[-1] = length - size_out
    return starts, border2 // 2, (size_out - step if count > 1 else 0)


def blend_window(starts, size_out, k):
    """1 inside a tile, a raised cosine towards a side shared with a neighbour, 0 on the quarter
    of the overlap nearest that side; sides at the image edge keep 1."""
    t = torch.arange(size_out, dtype=torch.float64) + 0.5
    w = torch.ones(size_out, dtype=torch.float64)

    def ramp(d, ov):
        lo, hi = ov / 4, 3 * ov / 4
        r = 0.5 - 0.5 * torch.cos(math.pi * (d - lo) / (hi - lo))
        return torch.where(d < lo, torch.zeros_like(d), torch.where(d >= hi, torch.ones_like(d), r))

    if k > 0:
        w = w * ramp(t, starts[k - 1] + size_out - starts[k])
    if k < len(starts) - 1:
        w = w * ramp(size_out - t, starts[k] + size_out - starts[k + 1])
    return w.float()


def predict_full_size(model, image, tile="auto", overlap=None, threshold=0.5, max_pixels=MAX_PIXELS):
    """Probabilities (K, H, W) and labels (H, W) of a (C, H, W) image at its full size."""
    channels, height, width = image.shape
    th, tw = choose_tile(model, channels, height, width, tile, max_pixels)
    oh, ow = output_size(model, channels, (th, tw))
    if overlap is None:
        overlap = min(oh, ow) // 2 if (th, tw) == (oh, ow) else 0
    rows, row_border, _ = plan_axis(height, th, oh, overlap, modulus_of(0))
    cols, col_border, _ = plan_axis(width, tw, ow, overlap, modulus_of(1))
    if tile == "off" and len(rows) * len(cols) > 1:
        raise SystemExit(f"predict.py: the model takes only {th}x{tw} inputs, too small for this "
                         f"{height}x{width} image in one pass: use tiling or --resize")
    total = None
    weight = torch.zeros(height, width)
    with torch.no_grad():
        for ky, y0 in enumerate(rows):
            wy = blend_window(rows, oh, ky)
            for kx, x0 in enumerate(cols):
                wx = blend_window(cols, ow, kx)
                x = read_tile(image, y0 - row_border, x0 - col_border, th, tw)
                p = probabilities(model, x[None])[0]
                if total is None:
                    total = torch.zeros(p.shape[0], height, width)
                hh, ww = min(oh, height - y0), min(ow, width - x0)
                w = wy[:hh, None] * wx[None, :ww]
                total[:, y0:y0 + hh, x0:x0 + ww] += w * p[:, :hh, :ww]
                weight[y0:y0 + hh, x0:x0 + ww] += w
    probs = total / weight
    labels = (probs[0] > threshold).long() if probs.shape[0] == 1 else probs.argmax(0)
    return probs, labels
`;
