/**
 * Finding the Python that runs the training: `UNET_STUDIO_PYTHON`, else the first `python3` that
 * imports torch. What it reports (PyTorch's version, CUDA, the GPUs) is read once, at start.
 */
import { spawnSync } from 'node:child_process';
import { z } from 'zod';

/** One CUDA device as PyTorch sees it. */
export interface GpuInfo {
  readonly name: string;
  readonly memoryBytes: number;
}

/** A Python that imports torch, and what it can train on. */
export interface TorchInfo {
  readonly python: string;
  readonly torchVersion: string;
  readonly cuda: boolean;
  readonly gpus: readonly GpuInfo[];
}

/** The result of {@link findTorchPython}. */
export type TorchLookup =
  | { readonly ok: true; readonly value: TorchInfo }
  | { readonly ok: false; readonly tried: readonly string[]; readonly message: string };

const PROBE = `
import json, torch
gpus = []
if torch.cuda.is_available():
    for i in range(torch.cuda.device_count()):
        p = torch.cuda.get_device_properties(i)
        gpus.append({"name": p.name, "memoryBytes": int(p.total_memory)})
print(json.dumps({"torchVersion": torch.__version__, "cuda": torch.cuda.is_available(), "gpus": gpus}))
`;

const zProbe = z.object({
  torchVersion: z.string(),
  cuda: z.boolean(),
  gpus: z.array(z.object({ name: z.string(), memoryBytes: z.number() })),
});

/** What to install when no Python imports torch. */
export const INSTALL_HINT =
  'install PyTorch (pip install torch, or on Debian/Ubuntu: apt-get install python3-torch), ' +
  'or point UNET_STUDIO_PYTHON at a python that imports torch';

/**
 * Probes `UNET_STUDIO_PYTHON` (only it, when set), else `python3` on the PATH and
 * `/usr/bin/python3`, for one that imports torch.
 *
 * @param env the environment to read `UNET_STUDIO_PYTHON` from.
 * @returns the first that works with its CUDA facts, or the candidates tried and what to install.
 */
export function findTorchPython(env: NodeJS.ProcessEnv = process.env): TorchLookup {
  const chosen = env.UNET_STUDIO_PYTHON;
  const candidates =
    chosen !== undefined && chosen !== '' ? [chosen] : ['python3', '/usr/bin/python3'];
  for (const python of candidates) {
    const run = spawnSync(python, ['-c', PROBE], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) continue;
    const last = run.stdout.trim().split('\n').pop() ?? '';
    try {
      const parsed = zProbe.safeParse(JSON.parse(last));
      if (parsed.success) return { ok: true, value: { python, ...parsed.data } };
    } catch {
      // Not JSON: something printed on import; try the next candidate.
    }
  }
  return {
    ok: false,
    tried: candidates,
    message: `no Python that imports torch (tried ${candidates.join(', ')}): ${INSTALL_HINT}`,
  };
}

/**
 * One line describing what runs will train on, e.g. `2× NVIDIA H200 (139.8 GiB)` or `CPU`.
 */
export function describeDevices(info: TorchInfo): string {
  if (!info.cuda || info.gpus.length === 0) return `CPU (PyTorch ${info.torchVersion})`;
  const names = [...new Set(info.gpus.map((g) => g.name))].join(', ');
  const gib = (info.gpus[0]?.memoryBytes ?? 0) / 2 ** 30;
  return `${info.gpus.length}× ${names} (${gib.toFixed(1)} GiB), PyTorch ${info.torchVersion}`;
}
