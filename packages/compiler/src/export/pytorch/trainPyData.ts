/**
 * The data part of train.py: image/mask folders (the runtime's pairing rules), a tensor file, and
 * synthetic shapes that need nothing but torch. Fixed text: no design data reaches it.
 */

/** Python source of train.py's datasets. */
export const TRAIN_DATA = String.raw`

IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "gif")
MASK_FOLDERS = ("masks", "mask", "labels", "label", "annotations", "gt", "groundtruth",
                "ground_truth", "train_masks", "targets")
MASK_SUFFIX = re.compile(r"^(.*?)[_-]mask$", re.IGNORECASE)


def classify(path, root):
    """("image" | "mask", key) for an image file, or None: <key>_mask / <key>-mask files and
    files in a mask folder (masks/, labels/, gt/, ...) are masks of the image named <key>."""
    stem, ext = os.path.splitext(os.path.basename(path))
    if ext[1:].lower() not in IMAGE_EXTENSIONS or not stem:
        return None
    suffix = MASK_SUFFIX.match(stem)
    if suffix and suffix.group(1):
        return "mask", suffix.group(1)
    folders = [f.lower() for f in os.path.relpath(os.path.dirname(path), root).split(os.sep)]
    return ("mask" if any(f in MASK_FOLDERS for f in folders) else "image"), stem


def find_pairs(root):
    """Image/mask pairs under a folder, by file name, as the studio pairs them: Carvana's
    <id>.jpg with <id>_mask.gif, or images/ and masks/ (labels/, gt/, ...) with the same names.
    Ambiguous names (two images or two masks) are left out."""
    if not os.path.isdir(root):
        raise SystemExit(f"train.py: {root} is not a folder")
    found = {"image": {}, "mask": {}}
    for folder, _, files in os.walk(root):
        for name in sorted(files):
            path = os.path.join(folder, name)
            kind = classify(path, root)
            if kind is not None:
                found[kind[0]].setdefault(kind[1], []).append(path)
    pairs = [(images[0], found["mask"][key][0]) for key, images in sorted(found["image"].items())
             if len(images) == 1 and len(found["mask"].get(key, [])) == 1]
    if not pairs:
        raise SystemExit(f"train.py: no image/mask pairs in {root}: expected images/ and masks/ "
                         "with the same file names, or <id>.jpg beside <id>_mask.gif (PNG, JPEG, GIF)")
    return pairs


def _pillow():
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit("train.py: reading image files needs Pillow (pip install pillow); "
                         "--synthetic N trains without it") from None
    return Image


def _rgba(image_lib, path):
    with image_lib.open(path) as img:
        img = img.convert("RGBA")
        data = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8)
        return data.view(img.height, img.width, 4)


def resize_bilinear(rgba, height, width):
    """Bilinear resize of (h, w, 4) bytes as the studio does it: half-pixel centres clamped to
    the edges, no antialiasing, rounded half up (float64, so the bytes match exactly)."""
    h, w = rgba.shape[:2]
    src = rgba.double()
    if (h, w) == (height, width):
        return src

    def axis(n_out, n_in):
        f = ((torch.arange(n_out, dtype=torch.float64) + 0.5) * (n_in / n_out) - 0.5).clamp(0, n_in - 1)
        lo = f.floor().long()
        return lo, (lo + 1).clamp(max=n_in - 1), f - lo

    y0, y1, wy = axis(height, h)
    x0, x1, wx = axis(width, w)
    wx = wx[None, :, None]
    top = src[y0][:, x0] * (1 - wx) + src[y0][:, x1] * wx
    bottom = src[y1][:, x0] * (1 - wx) + src[y1][:, x1] * wx
    return torch.floor(top * (1 - wy[:, None, None]) + bottom * wy[:, None, None] + 0.5)


def resize_nearest(labels, height, width):
    """Nearest-neighbour resize of (h, w) labels with half-pixel centres."""
    h, w = labels.shape
    rows = ((torch.arange(height) * 2 + 1) * h // (2 * height)).clamp_(max=h - 1)
    cols = ((torch.arange(width) * 2 + 1) * w // (2 * width)).clamp_(max=w - 1)
    return labels[rows][:, cols]


def mask_labels(rgba, classes, path):
    """Mask pixels to class labels from the brightest colour channel: for one class, foreground
    above 127 (above 0 for 0/1 masks); for several, the value is the class index."""
    grey = rgba[..., :3].max(dim=-1).values.long()
    top = int(grey.max())
    if classes == 1:
        return (grey > (0 if top <= 1 else 127)).long()
    if top >= classes:
        raise SystemExit(f"train.py: {path} holds value {top}, not a class index below {classes}")
    return grey


def labels_to_target(labels, classes):
    """A float {0, 1} map with one channel for one class, else the class indices."""
    return (labels > 0).float().unsqueeze(0) if classes == 1 else labels.long()


class FolderDataset(Dataset):
    """Image/mask pairs read with Pillow, resized to the model's input size as the studio does:
    images bilinearly, mask labels by nearest neighbour."""

    def __init__(self, root, shape, classes):
        if len(shape) != 3:
            raise SystemExit("train.py: image folders need a 2D design; use --tensors for 1D data")
        if shape[0] not in (1, 3, 4):
            raise SystemExit(f"train.py: images give 1, 3 or 4 channels; the design has {shape[0]}")
        self.pairs = find_pairs(root)
        self.shape = shape
        self.classes = classes
        self.image_lib = _pillow()

    def __len__(self):
        return len(self.pairs)

    def __getitem__(self, index):
        image_path, mask_path = self.pairs[index]
        channels, height, width = self.shape
        p = resize_bilinear(_rgba(self.image_lib, image_path), height, width)
        if channels == 1:
            image = ((0.299 * p[..., 0] + 0.587 * p[..., 1] + 0.114 * p[..., 2]) / 255)[None]
        else:
            image = (p[..., :channels] / 255).permute(2, 0, 1)
        labels = mask_labels(_rgba(self.image_lib, mask_path), self.classes, mask_path)
        return image.float().contiguous(), labels_to_target(resize_nearest(labels, height, width), self.classes)


class TensorFileDataset(Dataset):
    """A torch.save'd dict {"inputs": (N, C, *S) float, "masks": (N, *S) or (N, 1, *S)}."""

    def __init__(self, path, shape, classes):
        data = torch.load(path, map_location="cpu")
        if not isinstance(data, dict) or "inputs" not in data or "masks" not in data:
            raise SystemExit(f'train.py: {path} must hold a dict with "inputs" and "masks" tensors')
        self.inputs, self.masks = data["inputs"].float(), data["masks"]
        if self.inputs.shape[1:] != torch.Size(shape):
            raise SystemExit(f"train.py: inputs in {path} are {list(self.inputs.shape[1:])}, "
                             f"the model takes {list(shape)}")
        if self.masks.dim() == self.inputs.dim():
            self.masks = self.masks[:, 0]
        if len(self.masks) != len(self.inputs):
            raise SystemExit(f"train.py: {path} has {len(self.inputs)} inputs but {len(self.masks)} masks")
        self.classes = classes

    def __len__(self):
        return len(self.inputs)

    def __getitem__(self, index):
        mask = self.masks[index]
        if self.classes == 1:
            return self.inputs[index], (mask > 0).float().unsqueeze(0)
        return self.inputs[index], mask.long()


class SyntheticShapes(Dataset):
    """Noise with bright ellipses (2D) or segments (1D); the mask marks them, one class per shape.
    Sample i is the same on every process and every run (seeded by the index)."""

    def __init__(self, count, shape, classes, seed=0):
        self.count, self.shape, self.classes, self.seed = count, list(shape), classes, seed

    def __len__(self):
        return self.count

    def __getitem__(self, index):
        g = torch.Generator().manual_seed(self.seed * 1000003 + index)
        channels, spatial = self.shape[0], self.shape[1:]
        image = torch.rand(channels, *spatial, generator=g) * 0.4
        labels = torch.zeros(*spatial, dtype=torch.long)
        grids = torch.meshgrid(*[torch.arange(n, dtype=torch.float32) for n in spatial], indexing="ij")
        for label in range(1, max(2, self.classes)):
            centre = [float(torch.rand(1, generator=g)) * n for n in spatial]
            radius = [max(1.0, (0.1 + 0.2 * float(torch.rand(1, generator=g))) * n) for n in spatial]
            inside = sum(((grid - c) / r) ** 2 for grid, c, r in zip(grids, centre, radius)) <= 1.0
            labels[inside] = label
            image[:, inside] += 0.6 * label / max(2, self.classes)
        if self.classes == 1:
            return image, (labels > 0).float().unsqueeze(0)
        return image, labels
`;
