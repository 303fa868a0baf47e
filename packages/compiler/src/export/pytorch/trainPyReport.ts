/**
 * What train.py reports while it trains, for a watcher such as the training server: one JSON line
 * per batch (`--progress`) and, each epoch, the predicted masks of a few fixed validation samples
 * written as a JSON file (`--previews DIR`). Rank 0 only. Fixed text.
 */

/** Python source of train.py's batch progress lines and preview files. */
export const TRAIN_REPORT = String.raw`


class BatchReporter:
    """Prints {"epoch", "epochs", "batch", "batches", "loss", "dice", "imagesPerSecond",
    "learningRate"} after every batch of rank 0 (images/s counts every process's samples)."""

    def __init__(self, epoch, epochs, batches, world, lr):
        self.epoch, self.epochs, self.batches, self.world, self.lr = epoch, epochs, batches, world, lr
        self.seen, self.started = 0, time.monotonic()

    def __call__(self, batch, loss, counts, images):
        self.seen += images * self.world
        dice, _ = dice_iou(counts.tolist())
        elapsed = max(time.monotonic() - self.started, 1e-9)
        print(json.dumps({"epoch": self.epoch, "epochs": self.epochs, "batch": batch,
                          "batches": self.batches, "loss": loss, "dice": dice,
                          "imagesPerSecond": self.seen / elapsed, "learningRate": self.lr}), flush=True)


PREVIEW_SIDE = 128  # previews are subsampled to at most this many pixels a side


def preview_samples(dataset, count):
    """The first count samples of dataset: the same ones every epoch (2D designs only)."""
    picked = []
    for i in range(min(count, len(dataset))):
        image, target = dataset[i][0], dataset[i][1]
        if image.dim() != 3:
            return []
        picked.append((image, target))
    return picked


def _bytes(t):
    return [int(v) for v in t.round().clamp(0, 255).to(torch.uint8).flatten().tolist()]


def write_previews(model, samples, epoch, folder, threshold, device):
    """Writes <folder>/epoch-NNNN.json: per sample the image (0-255, channels first), the true and
    predicted class of every pixel and the predicted foreground share; returns its file name."""
    if not samples:
        return None
    was_training = model.training
    model.eval()
    entries = []
    with torch.no_grad():
        for image, target in samples:
            out = model(image[None].to(device))
            p = probabilities((out[0] if isinstance(out, tuple) else out).float())[0].cpu()
            pred = (p[0] > threshold).long() if NUM_CLASSES == 1 else p.argmax(dim=0)
            step = max(1, -(-max(pred.shape) // PREVIEW_SIDE))
            img = image[:, ::step, ::step]
            lo, hi = float(img.min()), float(img.max())
            scaled = (img - lo) * (255.0 / (hi - lo)) if hi > lo else img * 0
            pred, truth = pred[::step, ::step], target_labels(target)[::step, ::step]
            entries.append({"channels": int(img.shape[0]), "height": int(img.shape[1]),
                            "width": int(img.shape[2]), "image": _bytes(scaled),
                            "truth": truth.flatten().tolist(), "mask": pred.flatten().tolist(),
                            "foreground": float((pred > 0).float().mean())})
    model.train(was_training)
    os.makedirs(folder, exist_ok=True)
    name = f"epoch-{epoch:04d}.json"
    with open(os.path.join(folder, name + ".tmp"), "w") as f:
        json.dump({"epoch": epoch, "classes": NUM_CLASSES, "samples": entries}, f)
    os.replace(os.path.join(folder, name + ".tmp"), os.path.join(folder, name))
    return name
`;
