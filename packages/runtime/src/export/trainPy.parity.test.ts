/**
 * The exported train.py trains as the studio does: its losses, its border weight maps and its
 * Dice/IoU equal the runtime's on the same predictions and masks. Skipped, with the reason
 * printed, when no Python can import torch.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { compile, exportPytorch, findTemplate, type Design } from '@unet-studio/compiler';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSyntheticShapes } from '../data/synthetic';
import { borderWeightMap, targetLabels } from '../train/borderWeights';
import { LOSS_NAMES, makeLoss, type HeadActivation } from '../train/losses';
import { segmentationMetrics } from '../train/metrics';
import { runPython, torchPython } from './torchPython';

const { python, reason } = torchPython();
const [N, H, W] = [3, 12, 12];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function withHead(classes: number, activation: HeadActivation): Design {
  const design = findTemplate('tiny')?.build();
  if (!design) throw new Error('no tiny template');
  const nodes = design.model.nodes.map((n) =>
    n.kind === 'output' ? { ...n, params: { ...n.params, classes, activation } } : n,
  );
  return { ...design, model: { ...design.model, nodes } };
}

// Reads the runtime's tensors (channels last), runs train.py's functions, prints the results.
const SCRIPT = `
import json, sys, torch
import train
n, h, w, k = map(int, sys.argv[1:])
read = lambda name, dtype: torch.frombuffer(bytearray(open(name, "rb").read()), dtype=dtype)
pred = read("pred.bin", torch.float32).view(n, h, w, k).permute(0, 3, 1, 2).contiguous()
labels = read("labels.bin", torch.int32).view(n, h, w).long()
weights = read("weights.bin", torch.float32).view(n, h, w)
target = (labels > 0).float().unsqueeze(1) if train.NUM_CLASSES == 1 else labels
losses = {}
for name, fn in train.LOSSES.items():
    try:
        train.check_loss(name)
    except SystemExit:
        continue
    losses[name] = float(fn(pred, target, weights if name.startswith("weighted_") else torch.empty(0)))
maps = [train.border_weight_map(train.target_labels(target[i])).flatten().tolist() for i in range(n)]
dice, iou = train.dice_iou(train.overlap_counts(pred, target, 0.5).tolist())
print(json.dumps({"losses": losses, "maps": maps, "dice": dice, "iou": iou}))
`;

interface PythonResult {
  losses: Record<string, number>;
  maps: number[][];
  dice: number;
  iou: number;
}

const HEADS: { classes: number; head: HeadActivation }[] = [
  { classes: 1, head: 'none' },
  { classes: 1, head: 'sigmoid' },
  { classes: 3, head: 'none' },
  { classes: 3, head: 'softmax' },
];

describe(`train.py against the studio's training (${reason ?? 'PyTorch found'})`, () => {
  it.skipIf(python === null).each(HEADS)(
    '$classes class(es), head $head: losses, weight maps and metrics agree',
    ({ classes, head }) => {
      const pkg = exportPytorch(compile(withHead(classes, head)));
      if (!pkg.ok) throw new Error(pkg.errors.join('; '));
      const dir = mkdtempSync(join(tmpdir(), 'trainpy-'));
      for (const f of pkg.value.files) writeFileSync(join(dir, f.path), f.text);

      const data = makeSyntheticShapes({ count: N, size: [H, W], classes, seed: 9, maxShapes: 4 });
      const labels = new Int32Array(N * H * W);
      const maps: Float32Array[] = [];
      for (let i = 0; i < N; i++) {
        const l = targetLabels(data, i);
        labels.set(l, i * H * W);
        maps.push(borderWeightMap(l, H, W));
      }
      // The border term is exercised: some background pixels weigh more than others.
      const background = maps.flatMap((m, i) =>
        Array.from(m).filter((_, j) => labels[i * H * W + j] === 0),
      );
      expect(Math.max(...background) - Math.min(...background)).toBeGreaterThan(0.1);
      const weights = new Float32Array(N * H * W);
      maps.forEach((m, i) => weights.set(m, i * H * W));
      const raw = tf.randomNormal([N, H, W, classes], 0, 2, 'float32', 5);
      const pred = head === 'none' ? raw : head === 'sigmoid' ? tf.sigmoid(raw) : tf.softmax(raw);
      const yTrue = tf.tensor(data.y, [N, H, W, classes]);
      const w = tf.tensor(weights, [N, H, W, 1]);
      const bytes = (a: Float32Array | Int32Array) =>
        new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      writeFileSync(join(dir, 'pred.bin'), bytes(pred.dataSync() as Float32Array));
      writeFileSync(join(dir, 'labels.bin'), bytes(labels));
      writeFileSync(join(dir, 'weights.bin'), bytes(weights));

      const run = runPython(
        python ?? '',
        ['-c', SCRIPT, String(N), String(H), String(W), String(classes)],
        dir,
      );
      if (run.status !== 0) throw new Error(run.stderr);
      const py = JSON.parse(run.stdout) as PythonResult;

      const usable = LOSS_NAMES.filter((name) => {
        try {
          makeLoss(name, { head, classes });
          return true;
        } catch {
          return false;
        }
      });
      expect(Object.keys(py.losses).sort()).toEqual([...usable].sort());
      for (const name of usable) {
        const loss = makeLoss(name, { head, classes })(
          yTrue,
          pred,
          name.startsWith('weighted_') ? w : null,
        );
        expect(py.losses[name], name).toBeCloseTo(loss.dataSync()[0] ?? Number.NaN, 5);
      }
      maps.forEach((m, i) => {
        const theirs = py.maps[i] ?? [];
        expect(
          Math.max(...Array.from(m, (v, j) => Math.abs(v - (theirs[j] ?? Number.NaN)))),
        ).toBeLessThan(1e-5);
      });
      const metrics = segmentationMetrics(yTrue, pred, head, classes, 0.5);
      expect(py.dice).toBeCloseTo(metrics.dice, 6);
      expect(py.iou).toBeCloseTo(metrics.iou, 6);
    },
    120_000,
  );
});
