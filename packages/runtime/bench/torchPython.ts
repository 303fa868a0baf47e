/**
 * Which Python interpreters can run the PyTorch step, newest PyTorch first: the one named by
 * UNET_STUDIO_PYTHON alone when it is set; otherwise the repository's `.torch-venv` (made by
 * `scripts/torch-venv.sh` from the local PyTorch wheel) and Debian's `/usr/bin/python3`.
 * Used by `pnpm bench:train` and `pnpm bench:browser`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's virtual environment made by scripts/torch-venv.sh. */
export const TORCH_VENV_PYTHON = fileURLToPath(
  new URL('../../../.torch-venv/bin/python', import.meta.url),
);
/** Debian's interpreter, with its packaged PyTorch (1.13 on bookworm). */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/** An interpreter that imports torch. */
export interface TorchPython {
  readonly python: string;
  /** `torch.__version__`, e.g. `2.13.0+cpu`. */
  readonly torch: string;
}

/** An interpreter that was looked at and why it cannot be used. */
export interface NoTorch {
  readonly python: string;
  readonly reason: string;
}

/** Orders versions like `2.13.0+cpu` and `1.13.0a0` by their numeric parts (newest first). */
export function compareVersionsDescending(a: string, b: string): number {
  const parts = (v: string) => (v.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function torchVersion(python: string): TorchPython | NoTorch {
  if (python.includes('/') && !existsSync(python))
    return {
      python,
      reason: `${python} does not exist${python === TORCH_VENV_PYTHON ? ' (run scripts/torch-venv.sh)' : ''}`,
    };
  const run = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) {
    const why = (run.stderr || run.error?.message || 'failed').trim().split('\n').at(-1);
    return { python, reason: `${python} cannot import torch: ${why ?? 'failed'}` };
  }
  return { python, torch: run.stdout.trim() };
}

/**
 * The interpreters that import torch, newest PyTorch first, and those passed over with why.
 *
 * @example const { found } = findTorchPythons(); // found[0]: the newest PyTorch
 */
export function findTorchPythons(): { found: TorchPython[]; passedOver: NoTorch[] } {
  const env = process.env.UNET_STUDIO_PYTHON;
  const candidates = env !== undefined && env !== '' ? [env] : [TORCH_VENV_PYTHON, DEBIAN_PYTHON];
  const looked = candidates.map(torchVersion);
  const found = looked
    .filter((l): l is TorchPython => 'torch' in l)
    .sort((a, b) => compareVersionsDescending(a.torch, b.torch));
  return { found, passedOver: looked.filter((l): l is NoTorch => 'reason' in l) };
}
