/**
 * The losses and metrics of train.py, the same as the studio's training: losses on logits when the
 * model ends without an activation and on clipped probabilities after sigmoid/softmax; the
 * weighted losses weigh pixels by the U-Net paper's border weight map; Dice and IoU come from
 * hardened predictions, counted over the whole epoch. Fixed text.
 */

/** Python source of train.py's losses and metrics. */
export const TRAIN_LOSS = String.raw`

EPS = 1e-7


def probabilities(out):
    """The model output as probabilities (sigmoid for one class, softmax over the channels)."""
    if OUTPUT_ACTIVATION != "none":
        return out
    return torch.sigmoid(out) if NUM_CLASSES == 1 else torch.softmax(out, dim=1)


def one_hot(target):
    """Targets as a float (N, K, *S) map: binary targets as they are, class indices one-hot."""
    if NUM_CLASSES == 1:
        return target
    return F.one_hot(target, NUM_CLASSES).movedim(-1, 1).float()


def weighted_mean(per_element, weights):
    if weights is None or weights.numel() == 0:
        return per_element.mean()
    return (per_element * weights.unsqueeze(1)).mean()


def bce(out, target, weights=None):
    """Binary cross-entropy per channel (one-hot targets for several classes)."""
    t = one_hot(target)
    if OUTPUT_ACTIVATION == "none":
        per = F.binary_cross_entropy_with_logits(out, t, reduction="none")
    else:
        p = out.clamp(EPS, 1 - EPS)
        per = -(t * torch.log(p) + (1 - t) * torch.log(1 - p))
    return weighted_mean(per, weights)


def cross_entropy(out, target, weights=None):
    """Cross-entropy over the classes, per pixel."""
    t = one_hot(target)
    if OUTPUT_ACTIVATION == "none":
        per = -(t * F.log_softmax(out, dim=1)).sum(dim=1, keepdim=True)
    else:
        per = -(t * torch.log(out.clamp(EPS, 1))).sum(dim=1, keepdim=True)
    return weighted_mean(per, weights)


def dice_loss(out, target, smooth=1.0):
    """1 - soft Dice (sums over the batch and the pixels), averaged over the channels."""
    p = probabilities(out)
    t = one_hot(target)
    axes = [0] + list(range(2, p.dim()))
    inter = (p * t).sum(dim=axes)
    total = p.sum(dim=axes) + t.sum(dim=axes)
    return 1 - ((2 * inter + smooth) / (total + smooth)).mean()


LOSSES = {
    "bce": lambda out, t, w: bce(out, t),
    "ce": lambda out, t, w: cross_entropy(out, t),
    "dice": lambda out, t, w: dice_loss(out, t),
    "bce_dice": lambda out, t, w: bce(out, t) + dice_loss(out, t),
    "weighted_bce": lambda out, t, w: bce(out, t, w),
    "weighted_ce": lambda out, t, w: cross_entropy(out, t, w),
}


def check_loss(name):
    """Refuses the loss/head combinations that cannot train, saying what to change."""
    if OUTPUT_ACTIVATION == "softmax" and NUM_CLASSES == 1:
        raise SystemExit("train.py: the model ends in softmax over one channel, which is always 1")
    if name in ("ce", "weighted_ce") and NUM_CLASSES == 1:
        raise SystemExit(f'train.py: loss "{name}" needs 2 or more classes; use "bce" for a binary mask')
    if name in ("ce", "weighted_ce") and OUTPUT_ACTIVATION == "sigmoid":
        raise SystemExit(f'train.py: loss "{name}" needs a softmax (or no) activation; use "bce"')


def target_labels(target):
    """Class index per pixel of one sample's target."""
    return (target[0] > 0.5).long() if NUM_CLASSES == 1 else target


def connected_components(foreground):
    """4-connected components of a bool (H, W) map: labels (0 = background) and their count."""
    h, w = foreground.shape
    labels = torch.arange(1, h * w + 1, dtype=torch.long).view(h, w) * foreground
    while True:
        spread = labels.clone()
        spread[1:] = torch.maximum(spread[1:], labels[:-1])
        spread[:-1] = torch.maximum(spread[:-1], labels[1:])
        spread[:, 1:] = torch.maximum(spread[:, 1:], labels[:, :-1])
        spread[:, :-1] = torch.maximum(spread[:, :-1], labels[:, 1:])
        spread *= foreground
        if torch.equal(spread, labels):
            break
        labels = spread
    ids = torch.unique(labels[foreground])
    return (torch.bucketize(labels, ids) + 1) * foreground, len(ids)


def distance_to(site):
    """Exact Euclidean distance from every pixel to the nearest True pixel of a (H, W) map:
    distances along each row, then the minimum over rows of g² + dr²."""
    h, w = site.shape
    cols = torch.arange(w, dtype=torch.float64)
    inf = float("inf")
    left = torch.where(site, cols, torch.tensor(-inf, dtype=torch.float64)).cummax(dim=1).values
    right = torch.where(site, cols, torch.tensor(inf, dtype=torch.float64)).flip(1).cummin(dim=1).values.flip(1)
    g2 = torch.minimum(cols - left, right - cols) ** 2
    rows = torch.arange(h, dtype=torch.float64)
    out = torch.empty(h, w, dtype=torch.float64)
    step = max(1, 4_000_000 // (h * w))
    for start in range(0, h, step):
        dr2 = (rows[start:start + step, None, None] - rows[None, :, None]) ** 2
        out[start:start + step] = (g2[None] + dr2).min(dim=1).values
    return out.sqrt()


def border_weight_map(labels, w0=10.0, sigma=5.0):
    """The U-Net paper's weight map: class-balancing weights (each class present weighs the same
    in total) plus w0 * exp(-(d1 + d2)^2 / (2 sigma^2)) on background pixels, d1 and d2 the
    distances to the nearest and second-nearest object. 1D maps are handled as 1 x L."""
    grid = labels.view(1, -1) if labels.dim() == 1 else labels
    values, counts = torch.unique(grid, return_counts=True)
    per_class = grid.numel() / (len(values) * counts.double())
    weights = per_class[torch.bucketize(grid, values)]
    objects, count = connected_components(grid != 0)
    if count >= 2:
        d1 = torch.full(grid.shape, float("inf"), dtype=torch.float64)
        d2 = d1.clone()
        for k in range(1, count + 1):
            d = distance_to(objects == k)
            d2 = torch.where(d < d1, d1, torch.minimum(d2, d))
            d1 = torch.minimum(d1, d)
        s = d1 + d2
        border = w0 * torch.exp(-(s * s) / (2 * sigma * sigma))
        weights = weights + torch.where(grid == 0, border, torch.zeros_like(border))
    return weights.float().view(labels.shape)


class WithWeights(Dataset):
    """Adds each sample's border weight map (or an empty tensor when the loss needs none)."""

    def __init__(self, dataset, weighted):
        self.dataset, self.weighted = dataset, weighted

    def __len__(self):
        return len(self.dataset)

    def __getitem__(self, index):
        image, target = self.dataset[index]
        weights = border_weight_map(target_labels(target)) if self.weighted else torch.empty(0)
        return image, target, weights


def overlap_counts(out, target, threshold):
    """Per-class counts for Dice and IoU from hardened predictions (sigmoid > threshold for one
    class, arg-max otherwise): true positives, predicted and true pixels (3 x K)."""
    p = probabilities(out)
    if NUM_CLASSES == 1:
        pred, true = (p > threshold).float(), target
    else:
        pred, true = one_hot(p.argmax(dim=1)), one_hot(target)
    axes = [0] + list(range(2, p.dim()))
    return torch.stack([(pred * true).sum(dim=axes), pred.sum(dim=axes), true.sum(dim=axes)]).double()


def dice_iou(counts):
    """Mean Dice and IoU over the foreground classes that appear (1.0 when none does)."""
    tp, predicted, truth = counts
    fp = [p - t for p, t in zip(predicted, tp)]
    fn = [n - t for n, t in zip(truth, tp)]
    classes = range(len(tp)) if len(tp) == 1 else range(1, len(tp))
    dices, ious = [], []
    for c in classes:
        if tp[c] + fp[c] + fn[c] > 0:
            dices.append(float(2 * tp[c] / (2 * tp[c] + fp[c] + fn[c])))
            ious.append(float(tp[c] / (tp[c] + fp[c] + fn[c])))
    if not dices:
        return 1.0, 1.0
    return sum(dices) / len(dices), sum(ious) / len(ious)
`;
