/**
 * Runs the generated train.py under PyTorch: one process with a resume, `torchrun` with two gloo
 * processes on the CPU (DistributedDataParallel), and a hostile design whose strings try to run
 * code. Skipped, with the reason printed, when no Python can import torch.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../compile';
import type { Design } from '../../design/schema';
import { findTemplate } from '../../templates/index';
import { EXPORT_FIXTURES } from './fixtures/exportFixtures';
import { exportPytorch } from './exportPytorch';
import { hostileDesign, PWNED_FILE } from './fixtures/hostileDesign';
import { runPython, torchPython, writePackage } from './fixtures/torchPython';

const { python, reason } = torchPython();
const skip = python === null;
const py = python ?? '';

function packageOf(design: Design): string {
  const result = exportPytorch(compile(design));
  if (!result.ok) throw new Error(result.errors.join('; '));
  const dir = mkdtempSync(join(tmpdir(), 'pytorch-train-'));
  writePackage(dir, result.value.files);
  return dir;
}

function tiny(): Design {
  const design = findTemplate('tiny')?.build();
  if (!design) throw new Error('the tiny template is missing');
  return design;
}

/** Epoch records train.py printed (one JSON line each). */
function epochs(stdout: string): { epoch: number; loss: number; dice: number }[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { epoch: number; loss: number; dice: number });
}

const CHECK_CHECKPOINT = `
import json, sys, torch
from model import build_model
from train import make_optimizer
ck = torch.load(sys.argv[1], map_location="cpu")
model = build_model(sys.argv[1])
opt = make_optimizer("adam", model.parameters(), 1e-3, 0.9)
opt.load_state_dict(ck["optimizer"])
print(json.dumps({"epoch": ck["epoch"], "keys": sorted(ck), "state": len(opt.state_dict()["state"])}))
`;

describe(`train.py (${reason ?? 'PyTorch found'})`, () => {
  it.skipIf(skip)(
    'trains one process on synthetic data and resumes from its checkpoint',
    () => {
      const dir = packageOf(tiny());
      const args = [
        'train.py',
        '--synthetic',
        '8',
        '--batch-size',
        '4',
        '--val-fraction',
        '0.25',
        '--out',
        'ck',
      ];
      const first = runPython(py, [...args, '--epochs', '1'], dir);
      expect(first.stderr).toContain(
        'training on 1 process(es), cpu, 6 train / 2 validation samples',
      );
      expect(first.status).toBe(0);
      const [record] = epochs(first.stdout);
      expect(record?.epoch).toBe(1);
      expect(Number.isFinite(record?.loss)).toBe(true);
      expect(record).toHaveProperty('valDice');
      const resumed = runPython(py, [...args, '--epochs', '2', '--resume', 'ck/last.pt'], dir);
      expect(resumed.status).toBe(0);
      expect(epochs(resumed.stdout).map((r) => r.epoch)).toEqual([2]);
      const check = runPython(py, ['-c', CHECK_CHECKPOINT, 'ck/last.pt'], dir);
      expect(JSON.parse(check.stdout)).toMatchObject({
        epoch: 1,
        keys: ['design', 'epoch', 'metrics', 'model', 'optimizer'],
      });
    },
    300_000,
  );

  it.skipIf(skip)(
    'reports every batch and writes preview masks of the same validation samples each epoch',
    () => {
      const dir = packageOf(tiny());
      const run = runPython(
        py,
        ['train.py', '--synthetic', '8', '--batch-size', '4', '--val-fraction', '0.25', '--epochs', '2',
          '--out', 'ck', '--progress', '--previews', 'prev', '--preview-count', '2'],
        dir,
      ); // prettier-ignore
      expect(run.status).toBe(0);
      const lines = run.stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      const batches = lines.filter((l) => 'batch' in l);
      expect(batches.map((b) => [b.epoch, b.batch, b.batches])).toEqual([
        [1, 1, 2], [1, 2, 2], [2, 1, 2], [2, 2, 2],
      ]); // prettier-ignore
      const records = lines.filter((l) => !('batch' in l));
      expect(records.map((r) => r.preview)).toEqual(['epoch-0001.json', 'epoch-0002.json']);
      const read = (name: string) =>
        JSON.parse(readFileSync(join(dir, 'prev', name), 'utf8')) as {
          epoch: number;
          samples: {
            width: number;
            height: number;
            image: number[];
            mask: number[];
            truth: number[];
          }[];
        };
      const [first, second] = [read('epoch-0001.json'), read('epoch-0002.json')];
      expect(first.epoch).toBe(1);
      expect(first.samples).toHaveLength(2);
      const sample = first.samples[0];
      expect(sample?.image).toHaveLength(3 * 32 * 32);
      expect(sample?.mask).toHaveLength(32 * 32);
      // The same validation samples every epoch: the images and true masks do not change.
      expect(second.samples.map((s) => s.truth)).toEqual(first.samples.map((s) => s.truth));
    },
    300_000,
  );

  it.skipIf(skip)(
    'runs one epoch under torchrun with 2 gloo processes and writes a checkpoint that loads back',
    () => {
      const dir = packageOf(tiny());
      // --redirects/--tee 2: Debian's torch 1.13 on Python 3.11 cannot parse their default "0".
      const run = runPython(
      py,
      ['-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=2', '--redirects', '2', '--tee', '2',
        'train.py', '--synthetic', '8', '--epochs', '1', '--batch-size', '2', '--val-fraction', '0', '--cpu', '--out', 'ck'],
      dir,
    ); // prettier-ignore
      expect(run.stderr).toContain(
        'training on 2 process(es), cpu, 8 train / 0 validation samples',
      );
      expect(run.status).toBe(0);
      expect(epochs(run.stdout).map((r) => r.epoch)).toEqual([1]);
      const check = runPython(py, ['-c', CHECK_CHECKPOINT, 'ck/last.pt'], dir);
      expect(check.status).toBe(0);
      const loaded = JSON.parse(check.stdout) as { epoch: number; state: number };
      expect(loaded.epoch).toBe(0);
      // Adam kept a state for every parameter tensor.
      expect(loaded.state).toBeGreaterThan(10);
    },
    600_000,
  );

  it.skipIf(skip)(
    'trains a 1D design on a tensor file with its weighted cross-entropy',
    () => {
      const oneD = EXPORT_FIXTURES.find((f) => f.name === 'one-d')?.build();
      if (!oneD) throw new Error('no one-d fixture');
      expect(oneD.training.loss).toBe('weighted_ce');
      const dir = packageOf(oneD);
      const make =
        'import torch; torch.save({"inputs": torch.randn(6, 2, 50), "masks": torch.randint(0, 3, (6, 50))}, "sig.pt")';
      expect(runPython(py, ['-c', make], dir).status).toBe(0);
      const run = runPython(
        py,
        ['train.py', '--tensors', 'sig.pt', '--epochs', '1', '--val-fraction', '0'],
        dir,
      );
      expect(run.status).toBe(0);
      const [record] = epochs(run.stdout);
      expect(record?.epoch).toBe(1);
      expect(record?.loss).toBeGreaterThan(0);
      const wrong =
        'import torch; torch.save({"inputs": torch.randn(6, 3, 50), "masks": torch.zeros(6, 50)}, "bad.pt")';
      runPython(py, ['-c', wrong], dir);
      const refused = runPython(py, ['train.py', '--tensors', 'bad.pt'], dir);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('inputs in bad.pt are [3, 50], the model takes [2, 50]');
    },
    300_000,
  );

  it.skipIf(skip)(
    'a design whose strings try to run code exports code that runs and does nothing else',
    () => {
      const design = hostileDesign();
      const dir = packageOf(design);
      const summary = runPython(py, ['model.py', '--summary'], dir);
      expect(summary.status).toBe(0);
      expect(JSON.parse(summary.stdout)).toMatchObject({ input: [1, 16, 16], output: [1, 16, 16] });
      const name = runPython(
        py,
        ['-c', 'import json, model; print(json.dumps(model.DESIGN_NAME))'],
        dir,
      );
      expect(JSON.parse(name.stdout)).toBe(design.name);
      const train = runPython(
        py,
        ['train.py', '--synthetic', '4', '--val-fraction', '0', '--out', 'ck'],
        dir,
      );
      expect(train.status).toBe(0);
      expect(epochs(train.stdout).map((r) => r.epoch)).toEqual([1]);
      expect(existsSync(join(dir, PWNED_FILE))).toBe(false);
      expect(summary.stdout + train.stdout).not.toMatch(/^1$/m);
    },
    300_000,
  );
});
