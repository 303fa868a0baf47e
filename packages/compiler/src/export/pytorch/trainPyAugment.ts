/**
 * The augmentation of train.py: the runtime's families with the same parameters (flips, quarter
 * turns, rotation, zoom, crop, brightness, contrast, gamma, noise, and the paper's elastic
 * deformation: a 3×3 grid of Gaussian displacement vectors interpolated bicubically), applied
 * per sample to image, mask and weight map alike (image bilinear, mask and weights nearest), with
 * mirrored borders. torch only. The draws are seeded per (seed, epoch, sample), so a run is
 * reproducible; they use torch's generator, so they differ from the studio's draws.
 */
import type { AugmentSpec } from '../../design/augmentSpec';
import { AUGMENT_FAMILIES } from '../../design/augmentSpec';
import { pyBool, pyNum } from './pyLiteral';

/** `AUGMENT = {"flip": (False, 0.5), …}`: the design's settings, the default of --augment. */
export function augmentConstant(spec: AugmentSpec): string {
  const items = AUGMENT_FAMILIES.map(
    (f) => `"${f}": (${pyBool(spec[f].enabled)}, ${pyNum(spec[f].strength)})`,
  );
  return `AUGMENT = {${items.join(', ')}}`;
}

/** The augmentation functions and dataset wrapper (fixed text: no design data). */
export const TRAIN_AUGMENT = `

def parse_augment(text, base):
    """--augment "flip,rotate=30,elastic": families on (NAME=S sets the strength); all; none."""
    spec = dict(base)
    items = [s.strip() for s in (text or "").split(",") if s.strip()]
    if items == ["none"]:
        return {k: (False, v[1]) for k, v in spec.items()}
    for item in items:
        name, _, value = item.partition("=")
        for family in (list(spec) if name == "all" else [name]):
            if family not in spec:
                raise SystemExit(f'train.py: unknown augmentation "{family}"; use {", ".join(spec)}, all or none')
            spec[family] = (True, float(value) if value else spec[family][1])
    return spec


def _on(spec, family):
    return spec[family][0] and spec[family][1] > 0


def _uniform(g, lo, hi):
    return lo + (hi - lo) * torch.rand((), generator=g, dtype=torch.float64).item()


def _cubic_weight(t):
    """Cubic convolution kernel (Keys, a = -0.5)."""
    a, x = -0.5, t.abs()
    near = (a + 2) * x ** 3 - (a + 3) * x ** 2 + 1
    far = a * x ** 3 - 5 * a * x ** 2 + 8 * a * x - 4 * a
    return torch.where(x <= 1, near, torch.where(x < 2, far, torch.zeros_like(x)))


def _cubic_1d(nodes, t):
    """Cubic convolution of 3 nodes (last axis of nodes) at positions t, extended linearly."""
    ext = torch.cat([2 * nodes[..., :1] - nodes[..., 1:2], nodes, 2 * nodes[..., 2:] - nodes[..., 1:2]], -1)
    i = torch.floor(t)
    out = 0
    for j in (-1, 0, 1, 2):
        k = i + j
        out = out + _cubic_weight(t - k) * ext[..., (k + 1).clamp(0, 4).long()]
    return out


def elastic_field(g, height, width, sigma):
    """Per-pixel displacements (dx, dy) from a 3x3 grid of N(0, sigma^2) vectors, bicubically."""
    grid = torch.randn(2, 3, 3, generator=g, dtype=torch.float64) * sigma
    tx = torch.arange(width, dtype=torch.float64) / ((width - 1) / 2 if width > 1 else 1)
    ty = torch.arange(height, dtype=torch.float64) / ((height - 1) / 2 if height > 1 else 1)
    rows = _cubic_1d(grid, tx)  # (2, 3, W)
    field = _cubic_1d(rows.transpose(1, 2), ty)  # (2, W, H)
    return field.transpose(1, 2)  # (2, H, W)


def _reflect(i, n):
    if n <= 1:
        return torch.zeros_like(i)
    period = 2 * (n - 1)
    k = torch.remainder(i, period)
    return torch.where(k < n, k, period - k)


def coordinate_map(spec, g, height, width):
    """Source coordinates (sx, sy) of every output pixel: flips, quarter turns, elastic
    displacement, crop window, then rotation and zoom about the centre."""
    flip_x = _on(spec, "flip") and _uniform(g, 0, 1) < spec["flip"][1]
    flip_y = _on(spec, "flip") and _uniform(g, 0, 1) < spec["flip"][1]
    turns = 0
    if _on(spec, "rotate90") and _uniform(g, 0, 1) < spec["rotate90"][1]:
        turns = 1 + int(_uniform(g, 0, 3)) if height == width else 2
    angle = math.radians(_uniform(g, -1, 1) * spec["rotate"][1]) if _on(spec, "rotate") else 0.0
    scale = 1 + _uniform(g, -1, 1) * spec["scale"][1] if _on(spec, "scale") else 1.0
    keep, top, left = 1.0, 0.0, 0.0
    if _on(spec, "crop"):
        keep = 1 - _uniform(g, 0, spec["crop"][1])
        top, left = _uniform(g, 0, 1) * height * (1 - keep), _uniform(g, 0, 1) * width * (1 - keep)
    y, x = torch.meshgrid(torch.arange(height, dtype=torch.float64),
                          torch.arange(width, dtype=torch.float64), indexing="ij")
    cx, cy = (width - 1) / 2, (height - 1) / 2
    u = width - 1 - x if flip_x else x
    v = height - 1 - y if flip_y else y
    if turns == 2:
        u, v = width - 1 - u, height - 1 - v
    else:
        for _ in range(turns):
            u, v = cx - (v - cy), cy + (u - cx)
    if _on(spec, "elastic"):
        d = elastic_field(g, height, width, spec["elastic"][1])
        u, v = u + d[0], v + d[1]
    u, v = left + (u + 0.5) * keep - 0.5, top + (v + 0.5) * keep - 0.5
    c, s = math.cos(angle) / scale, math.sin(angle) / scale
    du, dv = u - cx, v - cy
    return cx + c * du - s * dv, cy + s * du + c * dv


def _bilinear(image, sx, sy):
    _, height, width = image.shape
    x0, y0 = torch.floor(sx), torch.floor(sy)
    wx, wy = (sx - x0).float(), (sy - y0).float()
    xa, xb = _reflect(x0.long(), width), _reflect(x0.long() + 1, width)
    ya, yb = _reflect(y0.long(), height), _reflect(y0.long() + 1, height)
    top = image[:, ya, xa] * (1 - wx) + image[:, ya, xb] * wx
    bottom = image[:, yb, xa] * (1 - wx) + image[:, yb, xb] * wx
    return top * (1 - wy) + bottom * wy


def _nearest(values, sx, sy):
    height, width = values.shape[-2:]
    xi = _reflect(torch.floor(sx + 0.5).long(), width)
    yi = _reflect(torch.floor(sy + 0.5).long(), height)
    return values[..., yi, xi]


def augment_sample(image, target, weights, spec, g):
    """One augmented (image, target, weights): geometry shared by all three, then intensity."""
    height, width = image.shape[-2:]
    sx, sy = coordinate_map(spec, g, height, width)
    image = _bilinear(image.float(), sx, sy)
    target = _nearest(target, sx, sy)
    if weights.numel() > 0:
        weights = _nearest(weights, sx, sy)
    contrast = 1 + _uniform(g, -1, 1) * spec["contrast"][1] if _on(spec, "contrast") else 1.0
    brightness = _uniform(g, -1, 1) * spec["brightness"][1] if _on(spec, "brightness") else 0.0
    gamma = math.exp(_uniform(g, -1, 1) * spec["gamma"][1]) if _on(spec, "gamma") else 1.0
    noise = _uniform(g, 0, spec["noise"][1]) if _on(spec, "noise") else 0.0
    if contrast != 1:
        image = image.mean() + (image - image.mean()) * contrast
    image = image + brightness
    if gamma != 1:
        image = image.clamp(0, 1) ** gamma
    if noise > 0:
        image = image + torch.randn(image.shape, generator=g) * noise
    return image.contiguous(), target.contiguous(), weights


class Augmented(Dataset):
    """Augments each sample of dataset (image, target, weights), seeded by (seed, epoch, index);
    set .epoch before each epoch."""

    def __init__(self, dataset, spec, seed):
        self.dataset, self.spec, self.seed, self.epoch = dataset, spec, seed, 0

    def __len__(self):
        return len(self.dataset)

    def __getitem__(self, index):
        image, target, weights = self.dataset[index]
        if image.dim() != 3:
            raise SystemExit("train.py: augmentation works on 2D images; use --augment none for 1D data")
        seed = (self.seed * 1000003 + self.epoch * 7919 + index) % (2 ** 63)
        g = torch.Generator().manual_seed(seed)
        return augment_sample(image, target, weights, self.spec, g)


def augmented(dataset, text, seed):
    """dataset wrapped in Augmented when some family is on (AUGMENT, changed by --augment)."""
    spec = parse_augment(text, AUGMENT)
    if not any(_on(spec, f) for f in spec):
        return dataset
    on = ", ".join(f"{f} {spec[f][1]:g}" for f in spec if _on(spec, f))
    print(f"augmentation: {on}", file=sys.stderr)
    return Augmented(dataset, spec, seed)
`;
