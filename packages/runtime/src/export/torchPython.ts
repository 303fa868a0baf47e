/**
 * Test support (Node only, not exported): finds a Python that imports torch and runs scripts
 * with it. Tests that need PyTorch skip, with the reason printed, when there is none.
 */
import { spawnSync } from 'node:child_process';

/** The Python to use, or why there is none. */
export type TorchPython =
  | { readonly python: string; readonly reason: null }
  | { readonly python: null; readonly reason: string };

let found: TorchPython | undefined;

/**
 * The first of `$UNET_STUDIO_PYTHON`, `/usr/bin/python3` and `python3` that can `import torch`.
 * Looked up once per process.
 */
export function torchPython(): TorchPython {
  if (found) return found;
  const candidates = [process.env.UNET_STUDIO_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (c): c is string => c !== undefined && c !== '',
  );
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8', timeout: 120_000 });
    if (r.status === 0) return (found = { python, reason: null });
  }
  found = {
    python: null,
    reason: `no Python that imports torch (tried ${candidates.join(', ')}); set UNET_STUDIO_PYTHON to run these tests`,
  };
  console.warn(`skipping PyTorch tests: ${found.reason}`);
  return found;
}

/** The result of one Python run. */
export interface PythonRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `python args…` in `cwd` and returns its exit status and output.
 *
 * @param env extra environment variables.
 */
export function runPython(
  python: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): PythonRun {
  const r = spawnSync(python, args, {
    cwd,
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, OMP_NUM_THREADS: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
