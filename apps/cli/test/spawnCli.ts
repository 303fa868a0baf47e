/**
 * Runs the real `unet-studio` in a child process with a time limit, for tests where the command
 * must end by itself (hostile inputs) or be signalled (Ctrl-C). The child leads its own process
 * group, as a terminal's foreground job does, so a test can signal the whole group; on the time
 * limit the group is killed and the run reports `timedOut`, so a hang fails the test instead of
 * stalling the suite.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI's entry script. */
export const BIN = fileURLToPath(new URL('../bin/unet-studio.js', import.meta.url));
/** The repository root (where `pnpm unet-studio` runs). */
export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What a child run printed and how it ended. */
export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the time limit killed it. */
  readonly timedOut: boolean;
}

/** Options of {@link spawnCli}. */
export interface SpawnCliOptions {
  readonly cwd: string;
  /** Kill the process group after this many milliseconds. */
  readonly timeoutMs: number;
  /** The program and its leading arguments (default: node and the CLI's entry script). */
  readonly command?: readonly string[];
  /** Called with everything printed so far, after each chunk of output, and the child's pid. */
  readonly onOutput?: (printed: string, pid: number) => void;
}

/** Runs `command… args…` and resolves when it exits or the time limit kills it. */
export function spawnCli(args: readonly string[], options: SpawnCliOptions): Promise<ChildRun> {
  const [program, ...lead] = options.command ?? [process.execPath, BIN];
  const child = spawn(program!, [...lead, ...args], {
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  const printed = () => options.onOutput?.(stdout + stderr, child.pid!);
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    printed();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    printed();
  });
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
