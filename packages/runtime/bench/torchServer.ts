/**
 * PyTorch's training step of the `small` template in a long-lived Python process
 * (`torch_step.py --serve`), one step per request, so that `pnpm bench:train` can interleave
 * PyTorch's steps with its own on the same cores.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TorchPython } from './torchPython';

const SCRIPT = fileURLToPath(new URL('./torch_step.py', import.meta.url));
/** Longest wait for the process's start (import, model, warm-up) or for one step. */
const TIMEOUT_MS = 120_000;

/** A running PyTorch step. */
export interface TorchServer {
  readonly python: string;
  readonly torch: string;
  readonly params: number;
  readonly threads: number;
  /** Runs one step and resolves with its time in ms, as measured inside Python. */
  step(): Promise<number>;
  /**
   * Profiles three steps with torch.profiler: op → self CPU ms per step, largest first (the top
   * 25), and the op calls per step.
   */
  profile(): Promise<{ kernels: [string, number][]; calls: number }>;
  close(): void;
}

/**
 * Starts `torch_step.py --serve` with `python` (two warm-up steps inside).
 *
 * @throws when the process exits, prints something other than its JSON lines, or times out.
 */
export async function startTorchServer(
  { python, torch }: TorchPython,
  options: { threads: number; batch: number },
): Promise<TorchServer> {
  const child = spawn(
    python,
    [SCRIPT, '--serve', '--threads', String(options.threads), '--batch', String(options.batch)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${python}: no answer in time`)), TIMEOUT_MS);
    });
    try {
      const line = await Promise.race([lines.next(), timeout]);
      if (line.done === true)
        throw new Error(`${python} torch_step.py ended: ${stderr.trim().split('\n').at(-1)}`);
      return JSON.parse(line.value) as Record<string, unknown>;
    } finally {
      clearTimeout(timer);
    }
  };
  try {
    const ready = await next();
    if (ready.ready !== true) throw new Error(`${python}: unexpected ${JSON.stringify(ready)}`);
    return {
      python,
      torch: typeof ready.torch === 'string' ? ready.torch : torch,
      params: Number(ready.params),
      threads: Number(ready.threads),
      step: async () => {
        child.stdin.write('step\n');
        const answer = await next();
        if (typeof answer.ms !== 'number') throw new Error(`${python}: ${JSON.stringify(answer)}`);
        return answer.ms;
      },
      profile: async () => {
        child.stdin.write('profile\n');
        const answer = await next();
        if (!Array.isArray(answer.profile)) throw new Error(`${python}: ${JSON.stringify(answer)}`);
        return { kernels: answer.profile as [string, number][], calls: Number(answer.ops) };
      },
      close: () => {
        child.stdin.end('quit\n');
      },
    };
  } catch (error) {
    child.kill();
    throw error;
  }
}
