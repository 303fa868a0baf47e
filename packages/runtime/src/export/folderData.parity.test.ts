/**
 * The exported train.py reads an image folder as the studio does: the same pairs, the same
 * resized inputs and the same mask labels. Without Pillow it says how to get it. Skipped, with
 * the reason printed, when no Python can import torch.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compile, exportPytorch, findTemplate, type Design } from '@unet-studio/compiler';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../data/random';
import { readImageFolder } from '../node/imageFolder';
import { runPython, torchPython } from './torchPython';

const { python, reason } = torchPython();
const [HEIGHT, WIDTH] = [10, 12];

function png(
  path: string,
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): void {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      image.data.set([...pixel(x, y), 255], at);
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, PNG.sync.write(image));
}

/** A folder mixing both layouts, odd sizes, 0/255 and 0/1 masks, and an image with no mask. */
function folder(classes: number): string {
  const root = mkdtempSync(join(tmpdir(), 'folder-'));
  const rng = createRandom(3);
  const image = (path: string, w: number, h: number) =>
    png(path, w, h, () => [rng.int(0, 256), rng.int(0, 256), rng.int(0, 256)]);
  const mask = (path: string, w: number, h: number, scale: number) =>
    png(path, w, h, (x, y) => {
      const v = classes === 1 ? ((x * 3 + y * 5) % 7 > 3 ? scale : 0) : (x + y) % classes;
      return [v, v, v];
    });
  image(join(root, 'images', 'b.png'), 23, 17);
  mask(join(root, 'masks', 'b.png'), 23, 17, 255);
  image(join(root, 'train', 'a_01.png'), 9, 31);
  mask(join(root, 'train_masks', 'a_01_mask.png'), 9, 31, 1);
  image(join(root, 'images', 'lonely.png'), 8, 8);
  return root;
}

function design(channels: number, classes: number): Design {
  const d = findTemplate('tiny')?.build();
  if (!d) throw new Error('no tiny template');
  const nodes = d.model.nodes.map((n) =>
    n.kind === 'input'
      ? { ...n, params: { ...n.params, channels, size: [HEIGHT, WIDTH] } }
      : n.kind === 'output'
        ? { ...n, params: { ...n.params, classes } }
        : n,
  );
  return { ...d, model: { ...d.model, nodes } };
}

const SCRIPT = `
import json, os, sys
import train
try:
    import PIL
except ImportError:
    train.FolderDataset(sys.argv[1], train.resolve_input_shape(None), train.NUM_CLASSES)
ds = train.FolderDataset(sys.argv[1], train.resolve_input_shape(None), train.NUM_CLASSES)
items = [ds[i] for i in range(len(ds))]
print(json.dumps({
    "keys": [train.classify(image, sys.argv[1])[1] for image, _ in ds.pairs],
    "x": [x.permute(1, 2, 0).flatten().tolist() for x, _ in items],
    "labels": [(y[0] if train.NUM_CLASSES == 1 else y).flatten().tolist() for _, y in items],
}))
`;

const CASES = [
  { channels: 3, classes: 1 },
  { channels: 1, classes: 1 },
  { channels: 4, classes: 3 },
];

describe(`train.py image folders (${reason ?? 'PyTorch found'})`, () => {
  it.skipIf(python === null).each(CASES)(
    '$channels channel(s), $classes class(es): same pairs, inputs and labels as the studio',
    async ({ channels, classes }) => {
      const pkg = exportPytorch(compile(design(channels, classes)));
      if (!pkg.ok) throw new Error(pkg.errors.join('; '));
      const dir = mkdtempSync(join(tmpdir(), 'folder-pkg-'));
      for (const f of pkg.value.files) writeFileSync(join(dir, f.path), f.text);
      const root = folder(classes);
      const run = runPython(python ?? '', ['-c', SCRIPT, root], dir);
      const pillow = runPython(python ?? '', ['-c', 'import PIL'], dir).status === 0;
      if (!pillow) {
        expect(run.status).not.toBe(0);
        expect(run.stderr).toContain('reading image files needs Pillow (pip install pillow)');
        return;
      }
      if (run.status !== 0) throw new Error(run.stderr);
      const py = JSON.parse(run.stdout) as { keys: string[]; x: number[][]; labels: number[][] };
      const { data } = await readImageFolder(root, {
        size: [HEIGHT, WIDTH],
        channels: channels as 1 | 3 | 4,
        classes,
      });
      if (!data) throw new Error('the runtime read no pairs');
      expect(py.keys).toEqual(['a_01', 'b']);
      expect(data.count).toBe(2);
      const pixels = HEIGHT * WIDTH;
      for (const [i, key] of py.keys.entries()) {
        const n = data.names?.indexOf(key) ?? i;
        const x = data.x.subarray(n * pixels * channels, (n + 1) * pixels * channels);
        const err = Math.max(
          ...Array.from(x, (v, j) => Math.abs(v - (py.x[i]?.[j] ?? Number.NaN))),
        );
        expect(err, key).toBeLessThan(1e-6);
        const k = classes === 1 ? 1 : classes;
        const y = data.y.subarray(n * pixels * k, (n + 1) * pixels * k);
        const labels = Array.from({ length: pixels }, (_, p) =>
          k === 1 ? y[p] : Array.from(y.subarray(p * k, (p + 1) * k)).indexOf(1),
        );
        expect(py.labels[i], key).toEqual(labels);
      }
    },
    120_000,
  );
});
