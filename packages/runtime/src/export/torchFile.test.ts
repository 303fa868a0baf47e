import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { contiguousStrides, type TorchTensor } from './pickle';
import { writeTorchStateDict } from './torchFile';
import { runPython, torchPython } from './torchPython';

const { python, reason } = torchPython();

const tensors: TorchTensor[] = [
  {
    key: 'enc1_conv0.weight',
    shape: [2, 1, 2, 2],
    data: Float32Array.from([1, -2, 3.5, 4, 1e-7, 6, -7.25, 8]),
  },
  { key: 'enc1_norm0.running_var', shape: [3], data: Float32Array.from([0.5, 1, 2]) },
  { key: 'enc1_norm0.num_batches_tracked', shape: [], data: BigInt64Array.from([42n]) },
  { key: 'name "quoted"\nand ünïcode', shape: [1], data: Float32Array.from([9]) },
];

describe('writeTorchStateDict', () => {
  it('writes one stored zip folder holding data.pkl, one record per tensor, version and byteorder', () => {
    const files = unzipSync(writeTorchStateDict(tensors));
    expect(Object.keys(files).sort()).toEqual([
      'archive/byteorder',
      'archive/data.pkl',
      'archive/data/0',
      'archive/data/1',
      'archive/data/2',
      'archive/data/3',
      'archive/version',
    ]);
    expect(files['archive/data/0']?.length).toBe(8 * 4);
    expect(files['archive/data/2']?.length).toBe(8);
  });

  it('is byte-for-byte the same for the same tensors', () => {
    expect(writeTorchStateDict(tensors)).toEqual(writeTorchStateDict(tensors));
  });

  it('refuses a tensor whose data does not fill its shape', () => {
    expect(() =>
      writeTorchStateDict([{ key: 'w', shape: [2, 3], data: new Float32Array(5) }]),
    ).toThrow(/w: shape \[2, 3\] needs 6 values, got 5/);
  });

  it('computes C-contiguous strides', () => {
    expect(contiguousStrides([4, 3, 2, 5])).toEqual([30, 10, 5, 1]);
    expect(contiguousStrides([])).toEqual([]);
  });

  it.skipIf(python === null)(
    `loads back in torch with every key, shape, dtype and value (${reason ?? 'torch found'})`,
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'torchfile-'));
      writeFileSync(join(dir, 'w.pt'), writeTorchStateDict(tensors));
      const script = [
        'import json, torch',
        'kw = {"weights_only": True} if "weights_only" in torch.load.__code__.co_varnames else {}',
        'sd = torch.load("w.pt", **kw)',
        'print(json.dumps({"type": type(sd).__name__, "items": [[k, list(v.shape), str(v.dtype), v.flatten().tolist()] for k, v in sd.items()]}))',
      ].join('\n');
      const run = runPython(python ?? '', ['-c', script], dir);
      expect(run.stderr).not.toMatch(/Error/);
      const loaded = JSON.parse(run.stdout) as {
        type: string;
        items: [string, number[], string, number[]][];
      };
      expect(loaded.type).toBe('OrderedDict');
      expect(loaded.items.map((i) => i[0])).toEqual(tensors.map((t) => t.key));
      expect(loaded.items.map((i) => i[1])).toEqual(tensors.map((t) => t.shape));
      expect(loaded.items.map((i) => i[2])).toEqual([
        'torch.float32',
        'torch.float32',
        'torch.int64',
        'torch.float32',
      ]);
      expect(loaded.items[0]?.[3]).toEqual(Array.from(tensors[0]?.data ?? [], Number));
      expect(loaded.items[2]?.[3]).toEqual([42]);
    },
    120_000,
  );
});
