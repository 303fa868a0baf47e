/**
 * The training loop of train.py: one process, or one process per GPU under `torchrun` with
 * DistributedDataParallel (NCCL on GPUs, gloo on CPU) and a DistributedSampler; checkpoints that
 * `--resume` picks up. Fixed text.
 */

/** Python source of train.py's setup, loop, checkpoints and command line. */
export const TRAIN_LOOP = String.raw`


def setup(force_cpu):
    """Joins the process group when started by torchrun; picks the device."""
    distributed = "RANK" in os.environ and "WORLD_SIZE" in os.environ
    cuda = torch.cuda.is_available() and not force_cpu
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if cuda:
        torch.cuda.set_device(local_rank)
    device = torch.device("cuda", local_rank) if cuda else torch.device("cpu")
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
        return device, dist.get_rank(), dist.get_world_size()
    return device, 0, 1


def make_optimizer(name, parameters, lr, momentum):
    # The studio's settings: TensorFlow's epsilon 1e-7 and RMSprop rho 0.9, SGD with momentum.
    if name == "adam":
        return torch.optim.Adam(parameters, lr=lr, eps=1e-7)
    if name == "sgd":
        return torch.optim.SGD(parameters, lr=lr, momentum=momentum)
    if name == "rmsprop":
        return torch.optim.RMSprop(parameters, lr=lr, alpha=0.9, eps=1e-7)
    raise SystemExit(f"train.py: unknown optimizer {name}")


def all_sum(values, world):
    if world > 1:
        dist.all_reduce(values, op=dist.ReduceOp.SUM)
    return values


def run_epoch(model, loader, loss_fn, device, world, optimizer=None, scaler=None, threshold=0.5,
              report=None):
    """One pass over loader (training when an optimizer is given); loss and metrics over all ranks.
    report(batch, loss, counts, images) is called after each batch (this rank's numbers)."""
    model.train(optimizer is not None)
    loss_sum = torch.zeros(2, dtype=torch.float64, device=device)  # loss x samples, samples
    counts = torch.zeros(3, NUM_CLASSES, dtype=torch.float64, device=device)
    with torch.set_grad_enabled(optimizer is not None):
        for batch, (images, targets, weights) in enumerate(loader, 1):
            images = images.to(device, non_blocking=True)
            targets = targets.to(device, non_blocking=True)
            weights = weights.to(device, non_blocking=True)
            with torch.autocast(device.type, enabled=scaler is not None):
                out = model(images)
            # Losses in float32, outside autocast (binary cross-entropy on probabilities needs it).
            out = (out[0] if isinstance(out, tuple) else out).float()
            loss = loss_fn(out, targets, weights)
            if optimizer is not None:
                optimizer.zero_grad(set_to_none=True)
                if scaler is not None:
                    scaler.scale(loss).backward()
                    scaler.step(optimizer)
                    scaler.update()
                else:
                    loss.backward()
                    optimizer.step()
            loss_sum += torch.stack([loss.detach().double() * len(images), loss.new_tensor(len(images)).double()])
            batch_counts = overlap_counts(out.detach(), targets, threshold)
            counts += batch_counts
            if report is not None:
                report(batch, float(loss.detach()), batch_counts, len(images))
    loss_sum, counts = all_sum(loss_sum, world), all_sum(counts, world)
    dice, iou = dice_iou(counts.tolist())
    return {"loss": float(loss_sum[0] / loss_sum[1].clamp_min(1)), "dice": dice, "iou": iou}


def save_checkpoint(path, model, optimizer, epoch, metrics):
    """Writes {model, optimizer, epoch, metrics} atomically (a temporary file, then a rename)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    state = {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch,
             "metrics": metrics, "design": DESIGN_NAME}
    torch.save(state, path + ".tmp")
    os.replace(path + ".tmp", path)


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Train the exported U-Net Studio model.",
                                     formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--data", metavar="DIR", help="image/mask folder (see README.md)")
    source.add_argument("--tensors", metavar="FILE", help='torch.save\'d {"inputs", "masks"}')
    source.add_argument("--synthetic", type=int, metavar="N", help="N generated samples")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="per process")
    parser.add_argument("--lr", type=float, default=LEARNING_RATE)
    parser.add_argument("--optimizer", choices=["adam", "sgd", "rmsprop"], default=OPTIMIZER)
    parser.add_argument("--momentum", type=float, default=0.9, help="SGD momentum")
    parser.add_argument("--loss", choices=sorted(LOSSES), default=LOSS)
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--size", type=int, nargs="+", metavar="N", help="spatial input size")
    parser.add_argument("--val-fraction", type=float, default=0.1)
    parser.add_argument("--weights", metavar="FILE", help="initial state dict (weights.pt)")
    parser.add_argument("--resume", metavar="FILE", help="checkpoint to continue from")
    parser.add_argument("--out", default="checkpoints", metavar="DIR", help="checkpoint folder")
    parser.add_argument("--workers", type=int, default=0, help="DataLoader worker processes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--augment", default=None, metavar="LIST",
                        help="augmentation families, e.g. flip,rotate,elastic (default: the design's)")
    parser.add_argument("--cpu", action="store_true", help="train on CPU even when CUDA is there")
    parser.add_argument("--amp", action="store_true", help="mixed precision (CUDA only)")
    parser.add_argument("--sync-bn", action="store_true", help="SyncBatchNorm across GPUs")
    parser.add_argument("--progress", action="store_true", help="a JSON line after every batch")
    parser.add_argument("--previews", metavar="DIR", help="write preview masks here each epoch")
    parser.add_argument("--preview-count", type=int, default=4, help="validation samples previewed")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    shape = resolve_input_shape(args.size)
    device, rank, world = setup(args.cpu)
    torch.manual_seed(args.seed)
    if args.synthetic is not None:
        dataset = SyntheticShapes(args.synthetic, shape, NUM_CLASSES, args.seed)
    elif args.tensors is not None:
        dataset = TensorFileDataset(args.tensors, shape, NUM_CLASSES)
    else:
        dataset = FolderDataset(args.data, shape, NUM_CLASSES)
    check_loss(args.loss)
    dataset = WithWeights(dataset, args.loss.startswith("weighted_"))
    order = torch.randperm(len(dataset), generator=torch.Generator().manual_seed(args.seed)).tolist()
    n_val = int(len(dataset) * args.val_fraction)
    train_set, val_set = Subset(dataset, order[n_val:]), Subset(dataset, order[:n_val])
    if len(train_set) == 0:
        raise SystemExit("train.py: no training samples left after the validation split")
    train_set = augmented(train_set, args.augment, args.seed)
    sampler = DistributedSampler(train_set, world, rank, shuffle=True, seed=args.seed) if world > 1 else None
    val_sampler = DistributedSampler(val_set, world, rank, shuffle=False) if world > 1 and n_val else None
    pin = device.type == "cuda"
    loader = DataLoader(train_set, args.batch_size, shuffle=sampler is None, sampler=sampler,
                        num_workers=args.workers, pin_memory=pin)
    val_loader = DataLoader(val_set, args.batch_size, sampler=val_sampler,
                            num_workers=args.workers, pin_memory=pin) if n_val else None

    model = build_model(args.weights).to(device)
    if world > 1 and args.sync_bn and device.type == "cuda":
        model = nn.SyncBatchNorm.convert_sync_batchnorm(model)
    net = model
    if world > 1:
        net = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None,
                                      find_unused_parameters=HAS_UNUSED_MODULES)
    optimizer = make_optimizer(args.optimizer, model.parameters(), args.lr, args.momentum)
    scaler = torch.cuda.amp.GradScaler() if args.amp and device.type == "cuda" else None
    start = 0
    if args.resume:
        checkpoint = torch.load(args.resume, map_location=device)
        model.load_state_dict(checkpoint["model"])
        optimizer.load_state_dict(checkpoint["optimizer"])
        start = int(checkpoint["epoch"]) + 1
    loss_fn = LOSSES[args.loss]
    if rank == 0:
        print(f"training on {world} process(es), {device.type}, {len(train_set)} train / {n_val} "
              f"validation samples, epochs {start + 1}..{args.epochs}", file=sys.stderr)
    previews = preview_samples(val_set if n_val else train_set, args.preview_count) \
        if args.previews and rank == 0 else []
    for epoch in range(start, args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        if isinstance(train_set, Augmented):
            train_set.epoch = epoch
        reporter = BatchReporter(epoch + 1, args.epochs, len(loader), world, args.lr) \
            if args.progress and rank == 0 else None
        started = time.monotonic()
        metrics = run_epoch(net, loader, loss_fn, device, world, optimizer, scaler, args.threshold,
                            reporter)
        seconds = time.monotonic() - started
        record = {"epoch": epoch + 1, **metrics, "learningRate": args.lr, "seconds": seconds,
                  "imagesPerSecond": len(train_set) / max(seconds, 1e-9)}
        if val_loader is not None:
            val = run_epoch(net, val_loader, loss_fn, device, world, threshold=args.threshold)
            record.update({"valLoss": val["loss"], "valDice": val["dice"], "valIoU": val["iou"]})
        if rank == 0:
            preview = write_previews(model, previews, epoch + 1, args.previews, args.threshold, device)
            if preview is not None:
                record["preview"] = preview
            # The checkpoint first: an epoch that was reported can always be resumed after.
            save_checkpoint(os.path.join(args.out, "last.pt"), model, optimizer, epoch, record)
            print(json.dumps(record), flush=True)
        if world > 1:
            dist.barrier()
    if world > 1:
        dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
