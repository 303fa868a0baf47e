/**
 * Training left running by a server that was killed outright: its torchrun process group is
 * ended when the server starts again, so a resumed run never trains beside its old self.
 */
import { readFile } from 'node:fs/promises';

/** True when process `pid` is alive and its command line names `runDir` (not a reused pid). */
async function isRunProcess(pid: number, runDir: string): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.split('\0').some((arg) => arg.startsWith(runDir));
  } catch {
    return false;
  }
}

/**
 * Ends the process group `pid` when it is still the run's torchrun (SIGTERM, then SIGKILL after
 * `graceMs`); does nothing when the process is gone or is something else.
 */
export async function endOrphan(pid: number, runDir: string, graceMs = 5000): Promise<void> {
  if (!(await isRunProcess(pid, runDir))) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && (await isRunProcess(pid, runDir))) {
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Ended on SIGTERM.
  }
}
