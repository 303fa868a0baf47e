/**
 * README.md of the exported package: what each file is and the commands, from the summary check
 * to a multi-node torchrun.
 */
import type { CompiledDesign } from '../../compiled';
import type { ModelFacts } from './modelPy';
import { pyComment } from './pyLiteral';

/** One line of user text made inert in Markdown (no HTML, links, emphasis or code spans). */
export function mdText(text: string): string {
  return pyComment(text, 120).replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

/** The `--summary` line the export must print, from the compiler's own figures. */
export function expectedSummary(compiled: CompiledDesign, facts: ModelFacts): string | null {
  const out =
    compiled.outputIds[0] !== undefined ? compiled.nodes[compiled.outputIds[0]]?.shape : null;
  if (!out || facts.input.some((v) => v === null)) return null;
  const spatial = out.spatial.filter((d): d is number => typeof d === 'number');
  if (spatial.length !== out.spatial.length) return null;
  return JSON.stringify({
    trainableParams: compiled.totals.trainable,
    input: facts.input,
    output: [out.channels, ...spatial],
  })
    .replace(/,/g, ', ')
    .replace(/:/g, ': ');
}

/**
 * The text of README.md.
 *
 * @param withWeights whether the package holds a converted `weights.pt`.
 */
export function readmeMd(
  compiled: CompiledDesign,
  facts: ModelFacts,
  withWeights: boolean,
): string {
  const name = mdText(compiled.design.name);
  const summary = expectedSummary(compiled, facts);
  const labels = facts.input.length === 2 ? ['C', 'L'] : ['C', 'H', 'W'];
  const open = facts.input.some((v) => v === null);
  const size = open ? ` --size ${labels.slice(1).join(' ')}` : '';
  const data = facts.input.length === 2 ? '--tensors signals.pt' : '--data DIR';
  return `# ${name}: PyTorch export

Exported by U-Net Studio. Needs Python 3.8+ and PyTorch 1.12 or newer; Pillow only to read image folders.

| File | What it is |
| --- | --- |
| \`model.py\` | the model (\`Model\`, built by \`build_model()\`), \`--summary\` and \`--onnx\` |
| \`train.py\` | training: one process, or many with \`torchrun\` (DistributedDataParallel); \`--augment flip,rotate,elastic\` |
${facts.input.length === 3 ? "| `predict.py` | masks at each image's full size, tiled as needed: `python3 predict.py big.png -o masks` (`--weights FILE`: the trained weights) |\n" : ''}${withWeights ? '| `weights.pt` | the trained weights, converted from TensorFlow.js: a state dict for `Model` |\n' : ''}| \`README.md\` | this file |

## Check the export

\`\`\`sh
python3 model.py --summary${size}
\`\`\`

${summary !== null ? `The studio's own summary of this design is:\n\n\`\`\`json\n${summary}\n\`\`\`\n\nThe line printed must be the same.` : 'The design leaves the input size open: pass the size you train at.'}
${withWeights ? '\nWith the trained weights: `python3 model.py --summary --weights weights.pt`.\n' : ''}
## Train

\`\`\`sh
python3 train.py --synthetic 64 --epochs 2${size}      # generated shapes: checks the setup
python3 train.py ${data}${size}                       # your data
\`\`\`

The design's loss, optimizer, learning rate, batch size, epochs and threshold are the defaults;
\`python3 train.py --help\` lists the options that override them. An image folder (PNG, JPEG or
GIF, searched recursively) pairs files by name as the studio does: \`images/\` and \`masks/\` (or
\`labels/\`, \`gt/\`, …) with the same file names, or \`<id>.jpg\` beside \`<id>_mask.gif\`. Images
are resized to the model's input size; masks are binarised (one class) or read as class indices.
\`--tensors FILE\` reads a \`torch.save\`d dict of \`inputs\` (N, C, …) and \`masks\` (N, …) instead.

Every epoch prints one JSON line (loss, Dice, IoU, validation figures) and writes
\`checkpoints/last.pt\` (model, optimizer, epoch). Continue with
\`python3 train.py ${data} --resume checkpoints/last.pt --epochs 20\`.
${withWeights ? 'Start from the trained weights with `--weights weights.pt`.\n' : ''}
## Many GPUs

\`\`\`sh
torchrun --nproc_per_node=4 train.py ${data}${size}
\`\`\`

Each process drives one GPU (NCCL); \`--batch-size\` is per process, so the global batch is N times
larger. Without CUDA (or with \`--cpu\`) the processes train on the CPU over gloo. On several machines,
run this on each machine, with \`--node_rank\` 0 on HOST, 1 on the other:

\`\`\`sh
torchrun --nnodes=2 --node_rank=0 --nproc_per_node=8 --master_addr=HOST --master_port=29500 train.py ${data}
\`\`\`

\`--sync-bn\` turns BatchNorm into SyncBatchNorm across GPUs; \`--amp\` trains in mixed precision.
If torchrun stops with \`'NoneType' object has no attribute 'get'\` (Debian's PyTorch 1.13 on
Python 3.11), add \`--redirects 2 --tee 2\` to its options.

## Use the model

\`\`\`python
from model import build_model
model = build_model(${withWeights ? '"weights.pt"' : ''}).eval()   # or a checkpoints/last.pt
\`\`\`

Inputs are channels-first, \`(N, ${facts.input.map((v, i) => (v === null ? (labels[i] ?? '?') : String(v))).join(', ')})\`${facts.outputActivation === 'none' ? '; the model returns logits' : `; the model ends with a ${facts.outputActivation}`}.
`;
}
