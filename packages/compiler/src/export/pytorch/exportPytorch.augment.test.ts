/**
 * train.py's augmentation under PyTorch: every family keeps image and mask aligned (a mask drawn
 * as a threshold of a smooth image still equals the threshold of the augmented image away from
 * the threshold level), the elastic grid has the stated 10 px standard deviation, draws repeat for
 * a seed, and a run with --augment trains. Skipped, with the reason printed, without torch.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compile';
import { findTemplate } from '../../templates/index';
import { exportPytorch } from './exportPytorch';
import { runPython, torchPython, writePackage } from './fixtures/torchPython';

const { python, reason } = torchPython();
const py = python ?? '';

function tinyPackage(): string {
  const result = exportPytorch(compile(findTemplate('tiny')!.build()));
  if (!result.ok) throw new Error(result.errors.join('; '));
  const dir = mkdtempSync(join(tmpdir(), 'pytorch-augment-'));
  writePackage(dir, result.value.files);
  return dir;
}

const CHECK = `
import json, torch
import train
H = W = 48
y, x = torch.meshgrid(torch.arange(H).float(), torch.arange(W).float(), indexing="ij")
image = ((1 - ((x - 14) ** 2 + (y - 16) ** 2).sqrt() / 20).clamp(min=0) * 0.8
         + (1 - ((x - 34) ** 2 + (y - 30) ** 2).sqrt() / 12).clamp(min=0) * 0.5)[None]
target = (image > 0.5).float()
result = {}
for family in ["flip", "rotate90", "rotate", "scale", "crop", "elastic", "brightness", "contrast", "gamma", "noise"]:
    spec = train.parse_augment(family, {k: (False, v[1]) for k, v in train.AUGMENT.items()})
    bad, moved = 0, 0
    for seed in range(6):
        img, tgt, _ = train.augment_sample(image, target, torch.empty(0), spec, torch.Generator().manual_seed(seed))
        if family in ("brightness", "contrast", "gamma", "noise"):
            bad += int((tgt != target).sum())
        else:
            far = (img - 0.5).abs() > 0.08
            bad += int(((img > 0.5).float() != tgt)[far].sum())
        moved += int(not torch.equal(tgt, target) or not torch.allclose(img, image))
    result[family] = [bad, moved]
g = torch.Generator().manual_seed(3)
grid = torch.stack([train.elastic_field(g, 33, 33, 10.0)[:, ::16, ::16] for _ in range(400)])
result["elasticStd"] = float(grid.std())
a = train.augment_sample(image, target, torch.empty(0), train.parse_augment("all", train.AUGMENT), torch.Generator().manual_seed(5))
b = train.augment_sample(image, target, torch.empty(0), train.parse_augment("all", train.AUGMENT), torch.Generator().manual_seed(5))
result["repeat"] = bool(torch.equal(a[0], b[0]) and torch.equal(a[1], b[1]))
print(json.dumps(result))
`;

describe(`train.py augmentation (${reason ?? 'PyTorch found'})`, () => {
  it.skipIf(python === null)(
    'keeps masks aligned, draws the paper’s elastic grid, repeats per seed',
    () => {
      const dir = tinyPackage();
      const run = runPython(py, ['-c', CHECK], dir);
      expect(run.stderr).toBe('');
      const r = JSON.parse(run.stdout) as Record<string, [number, number] | number | boolean>;
      for (const f of ['flip', 'rotate90', 'rotate', 'scale', 'crop', 'elastic']) {
        expect(r[f], f).toEqual([0, expect.any(Number)]);
        expect((r[f] as [number, number])[1], f).toBeGreaterThanOrEqual(3);
      }
      for (const f of ['brightness', 'contrast', 'gamma', 'noise']) expect(r[f]).toEqual([0, 6]);
      expect(r.elasticStd).toBeGreaterThan(9.3);
      expect(r.elasticStd).toBeLessThan(10.7);
      expect(r.repeat).toBe(true);
    },
    120_000,
  );

  it.skipIf(python === null)(
    'trains with --augment and refuses unknown families',
    () => {
      const dir = tinyPackage();
      const args = ['train.py', '--synthetic', '8', '--batch-size', '4', '--epochs', '1'];
      const ok = runPython(py, [...args, '--augment', 'flip,rotate,elastic', '--out', 'ck'], dir);
      expect(ok.stderr).toContain('augmentation: flip 0.5, rotate 15, elastic 10');
      expect(ok.status).toBe(0);
      const bad = runPython(py, [...args, '--augment', 'wobble'], dir);
      expect(bad.status).not.toBe(0);
      expect(bad.stderr).toContain('unknown augmentation "wobble"');
    },
    120_000,
  );
});
