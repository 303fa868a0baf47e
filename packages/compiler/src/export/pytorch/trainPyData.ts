/**
 * The data part of train.py: image/mask folders (the runtime's pairing rules), a tensor file, and
 * synthetic shapes that need nothing but torch. Fixed text: no design data reaches it.
 */

/** Python source of train.py's datasets. */
export const TRAIN_DATA = String.raw`

IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp")


def _stem(name):
    return os.path.splitext(name)[0]


def _images_in(folder):
    return sorted(f for f in os.listdir(folder)
                  if f.lower().endswith(IMAGE_EXTENSIONS) and not f.startswith("."))


def find_pairs(root):
    """Image/mask pairs in a folder: images/ and masks/ with the same file stem, or <id>.jpg
    beside <id>_mask.gif (any image extension for either)."""
    if not os.path.isdir(root):
        raise SystemExit(f"train.py: {root} is not a folder")
    images_dir, masks_dir = os.path.join(root, "images"), os.path.join(root, "masks")
    if os.path.isdir(images_dir) and os.path.isdir(masks_dir):
        masks = {_stem(f): os.path.join(masks_dir, f) for f in _images_in(masks_dir)}
        pairs = [(os.path.join(images_dir, f), masks[_stem(f)])
                 for f in _images_in(images_dir) if _stem(f) in masks]
    else:
        files = _images_in(root)
        masks = {_stem(f)[:-len("_mask")]: os.path.join(root, f)
                 for f in files if _stem(f).endswith("_mask")}
        pairs = [(os.path.join(root, f), masks[_stem(f)])
                 for f in files if not _stem(f).endswith("_mask") and _stem(f) in masks]
    if not pairs:
        raise SystemExit(f"train.py: no image/mask pairs in {root}: expected images/ and masks/ "
                         "with the same file names, or <id>.jpg beside <id>_mask.gif")
    return pairs


def _pillow():
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit("train.py: reading image files needs Pillow (pip install pillow); "
                         "--synthetic N trains without it") from None
    return Image


def mask_to_target(mask, classes):
    """Mask pixel values (0..255) to a target: a float {0, 1} map with one channel when the model
    has one class, else class indices (values below the class count are indices; other masks
    spread 0..255 evenly over the classes)."""
    if classes == 1:
        return (mask > 0).float().unsqueeze(0)
    if int(mask.max()) < classes:
        return mask.long()
    return torch.round(mask.float() * (classes - 1) / 255.0).long().clamp_(0, classes - 1)


class FolderDataset(Dataset):
    """Image/mask pairs read with Pillow and resized to the model's input size."""

    def __init__(self, root, shape, classes):
        self.pairs = find_pairs(root)
        self.shape = shape
        self.classes = classes
        self.image_lib = _pillow()
        if len(shape) != 3:
            raise SystemExit("train.py: image folders need a 2D design; use --tensors for 1D data")
        if shape[0] not in (1, 3, 4):
            raise SystemExit(f"train.py: image folders give 1, 3 or 4 channels; the design has {shape[0]}")

    def __len__(self):
        return len(self.pairs)

    def __getitem__(self, index):
        image_path, mask_path = self.pairs[index]
        channels, height, width = self.shape
        mode = {1: "L", 3: "RGB", 4: "RGBA"}[channels]
        with self.image_lib.open(image_path) as img:
            img = img.convert(mode).resize((width, height), self.image_lib.BILINEAR)
            data = torch.frombuffer(bytearray(img.tobytes()), dtype=torch.uint8)
        image = data.view(height, width, channels).permute(2, 0, 1).float() / 255.0
        with self.image_lib.open(mask_path) as msk:
            msk = msk.convert("L").resize((width, height), self.image_lib.NEAREST)
            mask = torch.frombuffer(bytearray(msk.tobytes()), dtype=torch.uint8).view(height, width)
        return image, mask_to_target(mask, self.classes)


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
