/**
 * `evaluate` and `predict` with the design's `training.classes`: names label the per-class table,
 * the confusion matrix and predict's key; with `--masks rgb` the design's colours are the classes
 * in the design's order, and a mask colour outside them is named with its file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, findTemplate, type Design } from '@unet-studio/compiler';
import { buildModel, initBackend } from '@unet-studio/runtime';
import { saveModelToDir } from '@unet-studio/runtime/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/harness';
import { encodeRgbPng } from '../../test/rgbPng';
import { runCommand } from '../../test/runCommand';
import { evaluateCommand } from './evaluate';
import { predictCommand } from './predict';

type Rgb = readonly [number, number, number];
const BLACK: Rgb = [0, 0, 0];
const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];

/** A 64×64 RGB PNG: columns 0–31 `left`, 32–51 `middle`, 52–63 `right`. */
function png(left: Rgb, middle: Rgb, right: Rgb): Buffer {
  return encodeRgbPng(64, 64, (x) => (x < 32 ? left : x < 52 ? middle : right));
}

let dir: string;

beforeAll(async () => {
  dir = tempDir();
  await initBackend('wasm');
  const base = findTemplate('tiny')!.build();
  const nodes = base.model.nodes.map((n) =>
    n.kind === 'output' ? { ...n, params: { ...n.params, classes: 3 } } : n,
  );
  const design: Design = {
    ...base,
    model: { ...base.model, nodes },
    training: {
      ...base.training,
      // Green before red: the masks' own legend (by frequency) would put red first.
      classes: [
        { name: 'background', color: '#000000' },
        { name: 'leaf\u00e9', color: '#00ff00' },
        { name: 'road', color: '#ff0000' },
      ],
    },
  };
  const model = buildModel(compile(design), { seed: 3 });
  await saveModelToDir(model, join(dir, 'model'));
  model.dispose();
  for (const sub of ['images', 'masks']) mkdirSync(join(dir, 'data', sub), { recursive: true });
  for (const name of ['a', 'b']) {
    writeFileSync(
      join(dir, 'data', 'images', `${name}.png`),
      png([90, 90, 90], [160, 160, 160], [220, 220, 220]),
    );
    writeFileSync(join(dir, 'data', 'masks', `${name}.png`), png(BLACK, RED, GREEN));
  }
  writeFileSync(join(dir, 'data', 'images', 'c.png'), png(BLACK, BLACK, BLACK));
  writeFileSync(join(dir, 'data', 'masks', 'c.png'), png(BLACK, RED, [0, 0, 255]));
});

describe('class names and colours from the design', () => {
  it('maps RGB mask colours in the design order and names a colour outside it', async () => {
    const r = await runCommand(
      evaluateCommand,
      ['model', '--data', 'data', '--masks', 'rgb', '--json'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      "legend (the design's training.classes): background #000000, leaf\u00e9 #00ff00, road #ff0000",
    );
    expect(r.err).toMatch(
      /skipped masks\/c\.png: colour #0000ff at \(\d+, \d+\) is not one of the design's class colours \(training\.classes\)/,
    );
    const result = JSON.parse(r.out) as { count: number; confusion: number[][] };
    expect(result.count).toBe(2);
    // True class pixels per row: green (class 1) covers 12 of 64 columns, red (class 2) 20.
    const rows = result.confusion.map((row) => row.reduce((a, b) => a + b, 0));
    expect(rows[1]).toBeGreaterThan(0);
    expect(rows[1]!).toBeLessThan(rows[2]!);
    expect(rows[0]!).toBeGreaterThan(rows[2]!);
  });

  it('labels the per-class table and the confusion matrix with the names', async () => {
    const r = await runCommand(evaluateCommand, ['model', '--data', 'data', '--masks', 'rgb'], dir);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const confusion = lines.indexOf('confusion (rows: true class, columns: predicted; pixels):');
    expect(confusion).toBeGreaterThan(-1);
    expect(lines[confusion + 1]).toMatch(/^ {2}true +0 background +1 leaf\u00e9 +2 road$/);
    expect(lines[confusion + 3]).toMatch(/^ {2}1 leaf\u00e9 +\d+/);
    expect(lines.some((l) => /^2 road +\S+ +\S+$/.test(l))).toBe(true);
  });

  it('prints which mask value is which class when predicting', async () => {
    const r = await runCommand(
      predictCommand,
      ['model', join('data', 'images', 'a.png'), '-o', 'out'],
      dir,
    );
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('mask values: 0 background, 1 leaf\u00e9, 2 road');
  });
});
