/**
 * predict.py: segments images at their full size with the exported model, tiling as the studio
 * and the `unet-studio predict` command do (same options: --tile auto|off|HxW, --overlap N,
 * --resize). torch only; Pillow only to read and write image files.
 */
import type { CompiledDesign } from '../../compiled';
import { PREDICT_TILES } from './predictPyTiles';
import { pyComment } from './pyLiteral';

/** `[(modulus, [residues], min), …]` per spatial axis, or `None` when unknown. */
function sizeRules(compiled: CompiledDesign): string {
  const rules = compiled.sizeRule;
  if (!rules || rules.length !== 2 || rules.some((r) => r.min === null)) return 'None';
  const items = rules.map((r) => `(${r.modulus}, [${r.residues.join(', ')}], ${r.min})`);
  return `[${items.join(', ')}]`;
}

const PREDICT_MAIN = `

def read_image(path, channels):
    """A (C, H, W) float image in [0, 1], read with Pillow as the studio reads images."""
    try:
        from PIL import Image
    except ImportError:
        raise SystemExit("predict.py: reading image files needs Pillow (pip install pillow)") from None
    with Image.open(path) as img:
        rgba = img.convert("RGBA")
        width, height = rgba.size
        p = torch.frombuffer(bytearray(rgba.tobytes()), dtype=torch.uint8).view(height, width, 4).float()
    if channels == 1:
        return ((0.299 * p[..., 0] + 0.587 * p[..., 1] + 0.114 * p[..., 2]) / 255)[None]
    return (p[..., :channels] / 255).permute(2, 0, 1).contiguous()


def write_mask(path, labels, classes):
    from PIL import Image
    values = labels * 255 if classes == 1 else labels
    height, width = labels.shape
    Image.frombytes("L", (width, height), bytes(values.to(torch.uint8).flatten().tolist())).save(path)


def predict_resized(model, image, threshold):
    """Resizes to the model's input, predicts, and brings the mask back (nearest)."""
    size = INPUT_SHAPE[1:]
    if any(s is None for s in size):
        raise SystemExit("predict.py: --resize needs a model with a fixed input size")
    x = F.interpolate(image[None], size=tuple(size), mode="bilinear", align_corners=False)
    with torch.no_grad():
        p = probabilities(model, x)
    labels = (p[:, :1] > threshold).long() if p.shape[1] == 1 else p.argmax(1, keepdim=True)
    back = F.interpolate(labels.float(), size=image.shape[1:], mode="nearest-exact")
    return int(p.shape[1]), back[0, 0].long()


def parse_tile(text):
    if text in ("auto", "off"):
        return text
    parts = text.lower().split("x")
    try:
        size = tuple(int(v) for v in parts) if len(parts) == 2 else (int(text),) * 2
    except ValueError:
        size = (0, 0)
    if not all(1 <= s <= 4096 for s in size):
        raise SystemExit(f'predict.py: --tile must be auto, off or HxW, got "{text}"')
    return size


def main():
    parser = argparse.ArgumentParser(description="Segment images at their full size.")
    parser.add_argument("images", nargs="+", help="image files (PNG, JPEG, GIF, TIFF, ...)")
    parser.add_argument("-o", "--out", required=True, help="folder for the PNG masks")
    parser.add_argument("--weights", default="weights.pt", help="weights.pt or a train.py checkpoint")
    parser.add_argument("--tile", default="auto", help="auto, off or HxW (input tile size)")
    parser.add_argument("--overlap", type=int, default=None, help="pixels shared by neighbouring tiles")
    parser.add_argument("--resize", action="store_true", help="resize to the model's input instead")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--max-pixels", type=int, default=MAX_PIXELS)
    args = parser.parse_args()
    tile = parse_tile(args.tile)
    if not os.path.isfile(args.weights):
        raise SystemExit(f"predict.py: {args.weights} not found: pass --weights (weights.pt, or a "
                         "train.py checkpoint such as checkpoints/last.pt)")
    model = build_model(args.weights).eval()
    os.makedirs(args.out, exist_ok=True)
    for path in args.images:
        image = read_image(path, INPUT_SHAPE[0])
        if args.resize:
            classes, labels = predict_resized(model, image, args.threshold)
        else:
            probs, labels = predict_full_size(model, image, tile, args.overlap, args.threshold,
                                              args.max_pixels)
            classes = probs.shape[0]
        target = os.path.join(args.out, os.path.splitext(os.path.basename(path))[0] + ".png")
        write_mask(target, labels, classes)
        print(f"{path} -> {target} ({labels.shape[1]}x{labels.shape[0]})")


if __name__ == "__main__":
    main()
`;

/** The text of predict.py for a compiled design. */
export function predictPy(compiled: CompiledDesign): string {
  return [
    `# ${pyComment(compiled.design.name)}: full-size prediction exported by U-Net Studio.`,
    '#',
    '#   python3 predict.py big.png -o masks                  tiles as needed, masks at full size',
    '#   python3 predict.py big.png -o masks --tile 572x572   set the input tile size',
    '#   python3 predict.py big.png -o masks --resize         resize to the input size instead',
    'import argparse',
    'import math',
    'import os',
    '',
    'import torch',
    'import torch.nn.functional as F',
    '',
    'from model import INPUT_SHAPE, OUTPUT_ACTIVATION, build_model',
    '',
    '# Accepted input sizes per spatial axis: (modulus, residues, minimum), None for unknown.',
    `SIZE_RULES = ${sizeRules(compiled)}`,
    '# The input tile side under --tile auto when the whole image is larger than MAX_PIXELS.',
    'AUTO_TILE = 256',
    'MAX_PIXELS = 512 * 512',
    PREDICT_TILES.trimEnd(),
    PREDICT_MAIN.trimEnd(),
    '',
  ].join('\n');
}
