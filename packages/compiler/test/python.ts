/**
 * Finds a Python that can import torch (UNET_STUDIO_PYTHON, else /usr/bin/python3, else python3)
 * and runs the reference scripts with it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The Python to use, or null with the reason none fits. */
export function findTorchPython(): { python: string | null; reason: string } {
  const candidates = [process.env.UNET_STUDIO_PYTHON, '/usr/bin/python3', 'python3'].filter(
    (p): p is string => typeof p === 'string' && p !== '',
  );
  const tried: string[] = [];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (probe.status === 0) return { python, reason: `torch ${probe.stdout.trim()} via ${python}` };
    tried.push(
      `${python}: ${probe.error?.message ?? probe.stderr.trim().split('\n').pop() ?? 'failed'}`,
    );
  }
  return { python: null, reason: `no Python with torch found (${tried.join('; ')})` };
}

/** What a reference script prints. */
export type ReferenceResult =
  | { readonly trainable: number; readonly nonTrainable: number; readonly output: number[] }
  | { readonly error: string };

/** Runs `script` from test/reference/ with its JSON argument and parses its one line. */
export function runReference(python: string, script: string, argument: unknown): ReferenceResult {
  const path = join(import.meta.dirname, 'reference', script);
  const run = spawnSync(python, [path, JSON.stringify(argument)], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (run.status !== 0)
    throw new Error(`${script} failed: ${run.stderr || run.error?.message || 'no output'}`);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ReferenceResult;
}

/** One case of `output_parity.py`: an exported model.py against a reference script. */
export interface OutputParityCase {
  readonly modelPy: string;
  readonly script: string;
  readonly config: unknown;
  readonly input: readonly number[];
}

/** What `output_parity.py` prints for a case. */
export type OutputParityResult =
  | { readonly maxAbsDiff: number; readonly maxAbs: number; readonly output: number[] }
  | { readonly error: string };

/** Runs every case in one Python process (one torch start), one result per case. */
export function runOutputParity(
  python: string,
  cases: readonly OutputParityCase[],
): OutputParityResult[] {
  const path = join(import.meta.dirname, 'reference', 'output_parity.py');
  const run = spawnSync(python, [path, JSON.stringify(cases)], {
    encoding: 'utf8',
    timeout: 280_000,
  });
  if (run.status !== 0)
    throw new Error(`output_parity.py failed: ${run.stderr || run.error?.message || 'no output'}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as OutputParityResult);
}
