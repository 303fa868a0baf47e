/**
 * Runs the CLI in a child process with a time limit, for the tests of hostile inputs: a hang or a
 * runaway ends in a kill and a failed test, never a stuck test run.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, '..', 'src', 'main.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What the process printed, its exit code, and whether it had to be killed. */
export interface ProcessRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly killed: boolean;
}

/**
 * Runs `unet-studio ...argv` in `cwd` (one node process: tsx is loaded with `--import`), killing
 * it after `limitMs`.
 */
export function cliProcess(
  argv: readonly string[],
  cwd: string,
  limitMs = 60_000,
): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, MAIN, ...argv], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        out: Buffer.concat(out).toString('utf8'),
        err: Buffer.concat(err).toString('utf8'),
        killed,
      });
    });
  });
}
