/**
 * PyTorch's training step for the same model, for side-by-side figures: runs
 * packages/runtime/bench/torch_step.py (the `small` template in PyTorch: forward, BCE with
 * logits, backward, Adam) with the interpreter of the newest PyTorch that `pnpm bench:train` finds
 * (packages/runtime/bench/torchPython.ts: UNET_STUDIO_PYTHON when set, else the repository's
 * `.torch-venv` from scripts/torch-venv.sh, else Debian's /usr/bin/python3).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findTorchPythons } from '../../../packages/runtime/bench/torchPython';

const SCRIPT = fileURLToPath(
  new URL('../../../packages/runtime/bench/torch_step.py', import.meta.url),
);

/** How to time the step. */
export interface TorchStepOptions {
  readonly reps: number;
  readonly threads: number;
  readonly batch: number;
  /** Image side in pixels. */
  readonly size: number;
}

/** PyTorch's median step, or why it could not be timed. */
export type TorchStep =
  | {
      readonly ok: true;
      readonly ms: number;
      readonly torch: string;
      readonly threads: number;
      readonly python: string;
    }
  | { readonly ok: false; readonly error: string };

function parse(line: string, python: string): TorchStep {
  try {
    const out = JSON.parse(line) as { ms?: unknown; torch?: unknown; threads?: unknown };
    if (typeof out.ms !== 'number' || !Number.isFinite(out.ms))
      return { ok: false, error: `torch_step.py printed no step time: ${line.slice(0, 200)}` };
    return {
      ok: true,
      ms: out.ms,
      torch: typeof out.torch === 'string' ? out.torch : '?',
      threads: typeof out.threads === 'number' ? out.threads : NaN,
      python,
    };
  } catch {
    return { ok: false, error: `torch_step.py printed no JSON: ${line.slice(0, 200)}` };
  }
}

/**
 * Times PyTorch's step of the `small` template (median of `reps` steps after two warm-up steps).
 *
 * @example const step = torchStep({ reps: 10, threads: 2, batch: 8, size: 64 });
 */
export function torchStep(options: TorchStepOptions): TorchStep {
  const { found, passedOver } = findTorchPythons();
  const python = found[0]?.python;
  if (python === undefined)
    return { ok: false, error: passedOver.map((p) => p.reason).join('; ') || 'no Python found' };
  const args = [SCRIPT, '--reps', options.reps, '--threads', options.threads]
    .concat(['--batch', options.batch, '--size', options.size])
    .map(String);
  const run = spawnSync(python, args, { encoding: 'utf8' });
  if (run.status !== 0) {
    const why = (run.stderr || run.error?.message || 'failed').trim().split('\n').at(-1);
    return { ok: false, error: `${python} ${SCRIPT}: ${why ?? 'failed'}` };
  }
  return parse(run.stdout.trim().split('\n').at(-1) ?? '', python);
}
